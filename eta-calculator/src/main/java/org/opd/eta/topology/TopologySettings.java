package org.opd.eta.topology;

import java.time.Duration;

/**
 * How the queue topology reacts to time passing and when it notifies and alerts.
 *
 * @param recomputeInterval     wall-clock period of the ETA recomputation (a consultation running long, a late doctor)
 * @param statusRefresh         longest time without a snapshot for a doctor at work or with patients, so the doctor's
 *                              status in Redis never expires while it is still true
 * @param delayThreshold        how far a waiting token's expected start must slip past what the patient was told
 *                              before they are told of the delay
 * @param bottleneckInLine      tokens in line in a department at which it is a bottleneck
 * @param bottleneckAverageWait average wait so far of a department's tokens in line at which it is a bottleneck
 * @param idleAfter             how long a doctor at work with patients waiting may go without a consultation
 * @param lateAfter             how long after the planned shift start a doctor who has not started is late
 * @param publishInterval       shortest time between two snapshots of one doctor: a change arriving sooner is
 *                              published with the others of its interval, so a busy doctor's line is estimated once
 *                              per interval rather than once per event; zero publishes every event at once
 */
public record TopologySettings(
        Duration recomputeInterval,
        Duration statusRefresh,
        Duration delayThreshold,
        int bottleneckInLine,
        Duration bottleneckAverageWait,
        Duration idleAfter,
        Duration lateAfter,
        Duration publishInterval) {

    public static final TopologySettings DEFAULTS = new TopologySettings(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), 30, Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMinutes(10),
            Duration.ofMillis(100));

    public TopologySettings {
        if (publishInterval.isNegative()) {
            throw new IllegalArgumentException("publishInterval must not be negative");
        }
    }

    public TopologySettings withPublishInterval(Duration interval) {
        return new TopologySettings(recomputeInterval, statusRefresh, delayThreshold, bottleneckInLine, bottleneckAverageWait,
                idleAfter, lateAfter, interval);
    }
}
