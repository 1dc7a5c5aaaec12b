package org.opd.eta.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a doctor's queue has taken in since its last snapshot and must still go out with the next one:
 * the tokens that left (their final status reaches Redis only through a snapshot) and the tokens called
 * in (each one's CALL_NOW). Kept in its own changelogged store, so a restart between the change and the
 * snapshot publishes it still.
 *
 * @param departed    tokens that reached a final status, oldest first
 * @param calledIn    tokens called in, oldest first
 * @param firstChange timestamp of the oldest change waiting, so lag downstream counts from it
 */
record UnpublishedChanges(List<TrackedToken> departed, List<UUID> calledIn, long firstChange) {

    static final UnpublishedChanges NONE = new UnpublishedChanges(List.of(), List.of(), Long.MAX_VALUE);

    UnpublishedChanges {
        departed = List.copyOf(departed);
        calledIn = List.copyOf(calledIn);
    }

    UnpublishedChanges plus(Optional<TrackedToken> leaving, UUID called, long timestamp) {
        List<TrackedToken> nextDeparted = new ArrayList<>(departed);
        leaving.ifPresent(nextDeparted::add);
        List<UUID> nextCalled = new ArrayList<>(calledIn);
        if (called != null) {
            nextCalled.add(called);
        }
        return new UnpublishedChanges(nextDeparted, nextCalled, Math.min(firstChange, timestamp));
    }
}
