package org.opd.orchestrator.screen;

import org.opd.schemas.live.LiveQueueChange;

/** Whoever keeps live streams of the projection's queue changes; {@link QueueChangeListener} tells each of them. */
public interface LiveChangeFollower {

    /** A doctor's queue changed (announced by the projection as it wrote it). */
    void changed(LiveQueueChange change);

    /** Whether changes are followed right now; while not, a new stream would go stale unseen and is refused. */
    void following(boolean following);

    /** Ends every stream, as changes may have been missed: each page reconnects and reloads the state. */
    void disconnectAll();
}
