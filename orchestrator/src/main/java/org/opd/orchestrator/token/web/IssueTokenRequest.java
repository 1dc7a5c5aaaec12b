package org.opd.orchestrator.token.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.token.IssueToken;
import org.opd.schemas.token.BookingType;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param priority 1 normal (the default), 2 senior, 3 emergency */
record IssueTokenRequest(
        @NotNull UUID patientId,
        @NotNull UUID doctorId,
        @NotNull BookingType bookingType,
        @Min(1) @Max(3) Integer priority,
        @NotNull OffsetDateTime scheduledTime,
        @Size(max = 1000) String visitReason) {

    private static final int NORMAL_PRIORITY = 1;

    IssueToken toIssueToken() {
        return new IssueToken(patientId, doctorId, bookingType, priority == null ? NORMAL_PRIORITY : priority,
                scheduledTime.toInstant(), visitReason);
    }
}
