package org.opd.orchestrator.leave;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A doctor's planned or unplanned absence (spec 004 {@code schedule_exceptions}).
 *
 * @param zone        the doctor's hospital's time zone, to show the times in
 * @param requestedBy the staff subject who asked for it
 * @param approvedBy  the staff subject who approved it; null while it waits for approval
 */
public record ScheduleException(
        UUID exceptionId,
        UUID doctorId,
        ExceptionType type,
        Instant start,
        Instant end,
        String reason,
        int affectedTokensCount,
        RedistributionStatus redistributionStatus,
        UUID requestedBy,
        UUID approvedBy,
        Instant approvedAt,
        Instant createdAt,
        ZoneId zone) {

    public boolean approved() {
        return approvedAt != null;
    }
}
