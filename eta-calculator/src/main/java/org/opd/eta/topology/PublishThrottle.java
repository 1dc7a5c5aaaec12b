package org.opd.eta.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When each doctor of a task last had a snapshot published, in wall-clock time: whether the next may go
 * now, and whether the last is recent enough to need no recomputation. Kept in memory only: after a
 * restart the first change of each doctor goes out at once, and every queue is due for recomputation.
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

    /** Whether the doctor's last snapshot went out less than {@code age} ago. */
    boolean publishedWithin(String doctorId, long nowMillis, Duration age) {
        Long last = lastPublished.get(doctorId);
        return last != null && nowMillis - last < age.toMillis();
    }

    void published(String doctorId, long nowMillis) {
        lastPublished.put(doctorId, nowMillis);
    }
}
