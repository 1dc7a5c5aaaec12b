package org.opd.orchestrator.token;

import java.time.Instant;

import org.opd.orchestrator.hospital.Coordinates;

/**
 * When a token reached each step of its visit; null for steps not reached.
 *
 * @param linePlaceAt the token's place in its doctor's call order ({@link org.opd.schemas.token.CallOrder}):
 *                    set at check-in, moved by a recall or a transfer; null before check-in
 * @param parkedAt    since when the patient has stepped out of the line; null while in line
 */
public record TokenTimeline(
        Instant checkInTime,
        Coordinates checkInLocation,
        Instant calledTime,
        Instant consultationStartTime,
        Instant consultationEndTime,
        Instant linePlaceAt,
        Instant parkedAt) {

    public static final TokenTimeline NOT_STARTED = new TokenTimeline(null, null, null, null, null, null, null);

    TokenTimeline checkedIn(Instant at, Coordinates where, Instant place) {
        return new TokenTimeline(at, where, calledTime, consultationStartTime, consultationEndTime, place, parkedAt);
    }

    TokenTimeline called(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, at, consultationStartTime, consultationEndTime, linePlaceAt, parkedAt);
    }

    TokenTimeline consultationStarted(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, calledTime, at, consultationEndTime, linePlaceAt, parkedAt);
    }

    TokenTimeline consultationEnded(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, calledTime, consultationStartTime, at, linePlaceAt, parkedAt);
    }

    /** Out of the line; a call not answered is undone, so the doctor can call the next patient. */
    TokenTimeline parked(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, null, consultationStartTime, consultationEndTime, linePlaceAt, at);
    }

    /** Back in the line at the given place. */
    TokenTimeline placed(Instant place) {
        return new TokenTimeline(checkInTime, checkInLocation, calledTime, consultationStartTime, consultationEndTime, place, null);
    }

    /** In another doctor's line at the given place, not called there. */
    TokenTimeline placedAnew(Instant place) {
        return new TokenTimeline(checkInTime, checkInLocation, null, consultationStartTime, consultationEndTime, place, null);
    }
}
