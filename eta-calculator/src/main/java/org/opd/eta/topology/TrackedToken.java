package org.opd.eta.topology;

import java.time.Instant;
import java.util.UUID;

import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.PriorityHeadStart;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * A token as the queue state remembers it between events.
 *
 * @param lastEventAt    when the latest applied event of this token occurred; older events are stale
 * @param patientId      whom notifications are for (an id, never contact details)
 * @param scheduledTime  when a booked token is expected
 * @param toldTMinus3    whether the patient was told they are three from the front
 * @param promisedStart  when the patient was last told their consultation starts (check-in time plus
 *                       the P50 shown then, moved on with each delay announced); null before that
 * @param longWaitAt     check-in time plus the P90 shown at check-in, at least the delay threshold: past it the wait is too long
 * @param linePlaceAt    the token's place in the call order ({@link CallOrder}), as the orchestrator gave it
 * @param parkedAt       since when the patient has stepped out of the line; null while in line
 */
record TrackedToken(
        UUID tokenId,
        String tokenNumber,
        TokenStatus status,
        int priority,
        Instant checkInTime,
        Instant calledTime,
        Instant consultationStartTime,
        Instant lastEventAt,
        UUID patientId,
        UUID cabinId,
        Instant scheduledTime,
        boolean toldTMinus3,
        Instant promisedStart,
        Instant longWaitAt,
        Instant linePlaceAt,
        Instant parkedAt) {

    TrackedToken {
        // State stored before tokens kept their place: the place the order of that time gave them.
        if (linePlaceAt == null) {
            linePlaceAt = PriorityHeadStart.DEFAULTS.placeOf(priority, checkInTime);
        }
    }

    static TrackedToken from(TokenEvent event) {
        return new TrackedToken(event.tokenId(), event.tokenNumber(), event.newStatus(), event.priority(),
                event.checkInTime(), calledTimeAfter(event, null), event.consultationStartTime(), event.occurredAt(),
                event.patientId(), event.cabinId(), event.scheduledTime(), false, null, null, event.placeInLine(),
                event.parkedAt());
    }

    /** This token after the event; a timestamp the event leaves out keeps its known value. */
    TrackedToken with(TokenEvent event) {
        return new TrackedToken(tokenId,
                event.tokenNumber() != null ? event.tokenNumber() : tokenNumber,
                event.newStatus(),
                event.priority(),
                orElse(event.checkInTime(), checkInTime),
                calledTimeAfter(event, calledTime),
                orElse(event.consultationStartTime(), consultationStartTime),
                event.occurredAt(),
                event.patientId() != null ? event.patientId() : patientId,
                event.cabinId() != null ? event.cabinId() : cabinId,
                orElse(event.scheduledTime(), scheduledTime),
                toldTMinus3, promisedStart, longWaitAt,
                orElse(event.placeInLine(), linePlaceAt),
                // Every event since parking exists carries it: null is back in line.
                event.parkedAt());
    }

    boolean parked() {
        return parkedAt != null;
    }

    /** Parking and a transfer undo a call (one not answered, one in another line); otherwise a call, once made, stays. */
    private static Instant calledTimeAfter(TokenEvent event, Instant known) {
        boolean undone = event.type() == TokenEventType.TOKEN_PARKED || event.type() == TokenEventType.TOKEN_TRANSFERRED;
        return undone ? null : orElse(event.calledTime(), known);
    }

    TrackedToken markToldTMinus3() {
        return new TrackedToken(tokenId, tokenNumber, status, priority, checkInTime, calledTime, consultationStartTime,
                lastEventAt, patientId, cabinId, scheduledTime, true, promisedStart, longWaitAt, linePlaceAt, parkedAt);
    }

    TrackedToken promised(Instant start, Instant longWait) {
        return new TrackedToken(tokenId, tokenNumber, status, priority, checkInTime, calledTime, consultationStartTime,
                lastEventAt, patientId, cabinId, scheduledTime, toldTMinus3, start, longWait, linePlaceAt, parkedAt);
    }

    /**
     * Whether the state already reflects something later than this event: it occurred before the
     * last applied one, or it would move the token back in its life (a redelivered old event).
     */
    boolean isAheadOf(TokenEvent event) {
        return event.occurredAt().isBefore(lastEventAt) || stage(event.newStatus()) < stage(status);
    }

    private static int stage(TokenStatus status) {
        return switch (status) {
            case BOOKED -> 0;
            case CHECKED_IN -> 1;
            case WAITING -> 2;
            case IN_CONSULTATION -> 3;
            case COMPLETED, NO_SHOW, CANCELLED, RESCHEDULED -> 4;
        };
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return value != null ? value : fallback;
    }
}
