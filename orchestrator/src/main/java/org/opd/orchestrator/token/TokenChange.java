package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * One accepted change of a token, recorded by the aggregate and persisted as a
 * {@code token_history} row and an outbox event.
 *
 * @param previousStatus null when the token was issued
 * @param reason         why, as staff gave it (no-show, cancel); null otherwise
 * @param details        facts worth keeping in the history's metadata (check-in point and distance)
 * @param handover       for a reassignment, the line the token left; null otherwise
 */
public record TokenChange(
        TokenEventType type,
        TokenStatus previousStatus,
        TokenStatus newStatus,
        Instant occurredAt,
        String reason,
        Map<String, Object> details,
        Handover handover) {

    public TokenChange {
        details = Map.copyOf(details);
    }

    /** A change within one doctor's line. */
    public TokenChange(TokenEventType type, TokenStatus previousStatus, TokenStatus newStatus, Instant occurredAt,
                       String reason, Map<String, Object> details) {
        this(type, previousStatus, newStatus, occurredAt, reason, details, null);
    }

    /**
     * A token moving from one doctor's line to another's.
     *
     * @param expectedWaitMinutes the wait the patient is told in the new line
     */
    public record Handover(UUID fromDoctorId, UUID fromCabinId, UUID toDoctorId, int expectedWaitMinutes) {
    }
}
