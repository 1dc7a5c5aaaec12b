package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.Map;

import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * One accepted change of a token, recorded by the aggregate and persisted as a
 * {@code token_history} row and an outbox event.
 *
 * @param previousStatus null when the token was issued
 * @param reason         why, as staff gave it (no-show, cancel); null otherwise
 * @param details        facts worth keeping in the history's metadata (check-in point and distance)
 */
public record TokenChange(
        TokenEventType type,
        TokenStatus previousStatus,
        TokenStatus newStatus,
        Instant occurredAt,
        String reason,
        Map<String, Object> details) {

    public TokenChange {
        details = Map.copyOf(details);
    }
}
