package org.opd.orchestrator.redistribution;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;

/** Tokens move only once the department head approved the absence. */
class NotApprovedException extends ConflictException {

    NotApprovedException(UUID exceptionId) {
        super("schedule-exception-not-approved", "Not approved",
                "Schedule exception " + exceptionId + " is not approved yet; its tokens stay until it is", Map.of());
    }
}
