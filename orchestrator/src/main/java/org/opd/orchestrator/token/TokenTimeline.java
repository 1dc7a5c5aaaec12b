package org.opd.orchestrator.token;

import java.time.Instant;

import org.opd.orchestrator.hospital.Coordinates;

/** When a token reached each step of its visit; null for steps not reached. */
public record TokenTimeline(
        Instant checkInTime,
        Coordinates checkInLocation,
        Instant calledTime,
        Instant consultationStartTime,
        Instant consultationEndTime) {

    public static final TokenTimeline NOT_STARTED = new TokenTimeline(null, null, null, null, null);

    TokenTimeline checkedIn(Instant at, Coordinates where) {
        return new TokenTimeline(at, where, calledTime, consultationStartTime, consultationEndTime);
    }

    TokenTimeline called(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, at, consultationStartTime, consultationEndTime);
    }

    TokenTimeline consultationStarted(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, calledTime, at, consultationEndTime);
    }

    TokenTimeline consultationEnded(Instant at) {
        return new TokenTimeline(checkInTime, checkInLocation, calledTime, consultationStartTime, at);
    }
}
