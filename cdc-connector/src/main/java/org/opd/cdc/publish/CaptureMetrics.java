package org.opd.cdc.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch of the capture: events published per topic, how long an event took from its
 * commit to Kafka's acknowledgement, and the recent publishing rate. The same figures go into the
 * {@code capture} health details.
 */
@Component
public class CaptureMetrics {

    /** Lags kept for the health details' percentiles. */
    private static final int RECENT_LAGS = 4096;
    /** Seconds over which the events-per-second figure is averaged. */
    private static final int RATE_WINDOW_SECONDS = 10;

    private final MeterRegistry registry;
    private final Timer captureLag;
    private final long[] recentLagsMicros = new long[RECENT_LAGS];
    private long lagsRecorded;
    private final long[] eventsPerSecond = new long[RATE_WINDOW_SECONDS];
    private final long[] bucketSecond = new long[RATE_WINDOW_SECONDS];

    CaptureMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.captureLag = Timer.builder("opd.cdc.capture.lag")
                .description("From the commit of the outbox row's transaction until Kafka acknowledged the event")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        Gauge.builder("opd.cdc.events.rate", this, metrics -> metrics.eventsPerSecond(Instant.now()))
                .description("Events acknowledged by Kafka per second, averaged over the last "
                        + RATE_WINDOW_SECONDS + " s")
                .register(registry);
    }

    /** Records one event Kafka acknowledged at {@code ackedAt}. */
    void published(OutboxEvent event, Instant ackedAt) {
        Counter.builder("opd.cdc.events.published")
                .description("Outbox events acknowledged by Kafka")
                .tag("topic", event.topic())
                .register(registry)
                .increment();
        Duration lag = Duration.between(event.committedAt(), ackedAt);
        captureLag.record(lag);
        synchronized (this) {
            recentLagsMicros[(int) (lagsRecorded++ % RECENT_LAGS)] = lag.toNanos() / 1_000;
            long second = ackedAt.getEpochSecond();
            int bucket = (int) (second % RATE_WINDOW_SECONDS);
            if (bucketSecond[bucket] != second) {
                bucketSecond[bucket] = second;
                eventsPerSecond[bucket] = 0;
            }
            eventsPerSecond[bucket]++;
        }
    }

    /** Events acknowledged per second over the last full seconds of the window. */
    public synchronized double eventsPerSecond(Instant now) {
        long current = now.getEpochSecond();
        long total = 0;
        for (int i = 0; i < RATE_WINDOW_SECONDS; i++) {
            // The running second is still filling; the window is the seconds before it.
            if (bucketSecond[i] < current && bucketSecond[i] >= current - RATE_WINDOW_SECONDS) {
                total += eventsPerSecond[i];
            }
        }
        return (double) total / RATE_WINDOW_SECONDS;
    }

    /** The capture lag at the given percentile (0..100) over the most recent events, or null before any. */
    public synchronized Duration recentLagPercentile(double percentile) {
        int count = (int) Math.min(lagsRecorded, RECENT_LAGS);
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(recentLagsMicros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * count) - 1;
        return Duration.ofNanos(sorted[Math.max(0, Math.min(count - 1, index))] * 1_000);
    }
}
