package org.opd.eta.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When each doctor of a task last had a snapshot published, in wall-clock time, and so whether the
 * next may go now. Kept in memory only: after a restart the first change of each doctor goes out at once.
 */
final class PublishThrottle {

    private final long intervalMillis;
    private final Map<String, Long> lastPublished = new HashMap<>();

    PublishThrottle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    boolean mayPublish(String doctorId, long nowMillis) {
        Long last = lastPublished.get(doctorId);
        return last == null || nowMillis - last >= intervalMillis;
    }

    void published(String doctorId, long nowMillis) {
        lastPublished.put(doctorId, nowMillis);
    }
}
