package org.opd.orchestrator.leave;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;

/** The doctor is already away for part of the requested time. */
class OverlappingExceptionException extends ConflictException {

    OverlappingExceptionException(UUID doctorId, UUID existing) {
        super("schedule-exception-overlap", "Overlapping schedule exception",
                "Doctor " + doctorId + " already has schedule exception " + existing + " overlapping this time",
                Map.of("field", "startDatetime", "exceptionId", existing.toString()));
    }
}
