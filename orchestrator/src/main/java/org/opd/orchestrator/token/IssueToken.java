package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.UUID;

import org.opd.schemas.token.BookingType;

/** A request for a token: who, for which doctor, how booked and when expected. */
public record IssueToken(
        UUID patientId,
        UUID doctorId,
        BookingType bookingType,
        int priority,
        Instant scheduledTime,
        String visitReason) {
}
