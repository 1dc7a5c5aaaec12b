package org.opd.eta.topology;

import java.util.Optional;

/** The outcome of offering one token event to a doctor's queue. */
sealed interface QueueUpdate {

    /**
     * The event changed the queue.
     *
     * @param departed the token that reached a final status with this event, if any
     */
    record Applied(DoctorQueue queue, Optional<TrackedToken> departed) implements QueueUpdate {
    }

    /** The event changes nothing; the state stays as it was. */
    record Ignored(Reason reason) implements QueueUpdate {
    }

    enum Reason {
        /** Its event id was applied before (at-least-once delivery upstream). */
        DUPLICATE,
        /** The state already reflects a later event of the same token. */
        STALE,
        /** It lacks what the queue needs (token id, status, time). */
        MALFORMED
    }
}
