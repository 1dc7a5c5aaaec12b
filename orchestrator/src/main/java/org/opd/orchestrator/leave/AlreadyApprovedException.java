package org.opd.orchestrator.leave;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;

class AlreadyApprovedException extends ConflictException {

    AlreadyApprovedException(UUID exceptionId) {
        super("schedule-exception-approved", "Already approved",
                "Schedule exception " + exceptionId + " has already been approved", Map.of());
    }
}
