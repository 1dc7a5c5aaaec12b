package org.opd.orchestrator.screen;

import org.opd.schemas.live.LiveAlertChange;
import org.opd.schemas.live.LiveQueueChange;

/**
 * Whoever keeps live streams of the announced changes; {@link LiveChangeListener} tells each of them.
 * A follower hears the kinds of change it overrides.
 */
public interface LiveChangeFollower {

    /** A doctor's queue changed (announced by the projection as it wrote it). */
    default void changed(LiveQueueChange change) {
    }

    /** A hospital's alerts changed (announced once committed). */
    default void alertsChanged(LiveAlertChange change) {
    }

    /** Whether changes are followed right now; while not, a new stream would go stale unseen and is refused. */
    void following(boolean following);

    /** Ends every stream, as changes may have been missed: each page reconnects and reloads the state. */
    void disconnectAll();
}
