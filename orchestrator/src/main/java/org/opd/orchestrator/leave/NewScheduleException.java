package org.opd.orchestrator.leave;

import java.time.Instant;
import java.util.UUID;

/** A request for a doctor to be away from {@code start} (inclusive) to {@code end} (exclusive). */
public record NewScheduleException(UUID doctorId, ExceptionType type, Instant start, Instant end, String reason) {
}
