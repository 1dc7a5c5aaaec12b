package org.opd.schemas.queue;

import java.time.Instant;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/**
 * A token as a queue screen shows it.
 *
 * @param position      1 for the next patient to be called; null while not in line (BOOKED,
 *                      in consultation, or departed)
 * @param etaMinutesP50 median minutes until the consultation starts; null when not in line
 * @param etaMinutesP90 minutes by which the consultation starts with 90 % confidence
 * @param lastEventAt   when the token's latest event occurred; null in snapshots from before it was added.
 *                      A token moved to another doctor appears in both doctors' snapshots for a while:
 *                      projections keep the one with the later event
 */
public record QueuedToken(
        UUID tokenId,
        String tokenNumber,
        TokenStatus status,
        int priority,
        Integer position,
        Integer etaMinutesP50,
        Integer etaMinutesP90,
        Instant checkInTime,
        Instant calledTime,
        Instant consultationStartTime,
        Instant lastEventAt) {

    /** A token whose latest event time is not known. */
    public QueuedToken(UUID tokenId, String tokenNumber, TokenStatus status, int priority, Integer position,
                       Integer etaMinutesP50, Integer etaMinutesP90, Instant checkInTime, Instant calledTime,
                       Instant consultationStartTime) {
        this(tokenId, tokenNumber, status, priority, position, etaMinutesP50, etaMinutesP90, checkInTime, calledTime,
                consultationStartTime, null);
    }
}
