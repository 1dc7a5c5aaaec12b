package org.opd.eta.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.queue.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchMessageListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Projects each batch of committed queue snapshots into Redis in one round trip. Its container
 * ({@link ProjectionConfiguration}) commits a batch's offsets only after Redis took it, and hands a batch
 * Redis refused over again: snapshots Redis took already are ignored then as not newer, so a crash or a
 * retry replays harmlessly instead of losing.
 */
public class SnapshotProjector implements BatchMessageListener<String, QueueSnapshot> {

    public static final String GROUP_ID = "opd-eta-redis-projector";

    private static final Logger log = LoggerFactory.getLogger(SnapshotProjector.class);

    private final RedisQueueProjection projection;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;
    private final Counter applied;
    private final Counter stale;
    private final Counter skipped;

    public SnapshotProjector(RedisQueueProjection projection, MeterRegistry meters, Clock clock) {
        this.projection = projection;
        this.meters = meters;
        this.clock = clock;
        this.lag = Timer.builder("opd.eta.projection.lag")
                .description("From the token event entering Kafka to its queue snapshot landing in Redis")
                .publishPercentileHistogram()
                .register(meters);
        this.applied = outcome("applied");
        this.stale = outcome("stale");
        this.skipped = outcome("skipped");
    }

    private Counter outcome(String outcome) {
        return Counter.builder("opd.eta.projection.snapshots")
                .description("Queue snapshots read by the Redis projection, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, QueueSnapshot>> records) {
        List<ConsumerRecord<String, QueueSnapshot>> projectable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, QueueSnapshot> record : records) {
            if (isProjectable(record)) {
                projectable.add(record);
            }
        }
        if (projectable.isEmpty()) {
            return;
        }
        List<Boolean> outcomes = projection.projectAll(projectable.stream().map(ConsumerRecord::value).toList());
        long now = clock.millis();
        for (int i = 0; i < projectable.size(); i++) {
            counted(projectable.get(i), outcomes.get(i), now);
        }
    }

    /** False for a record the projection must skip: a tombstone or a snapshot without its ids. */
    private boolean isProjectable(ConsumerRecord<String, QueueSnapshot> record) {
        QueueSnapshot snapshot = record.value();
        if (snapshot == null) {
            skipped.increment(); // a tombstone: nothing to show
            return false;
        }
        if (!RedisQueueProjection.isProjectable(snapshot)) {
            // Retrying cannot fix a snapshot without its ids; skip it rather than block the partition.
            log.error("Skipping queue snapshot version {} of key {}: it lacks its doctor or department id", snapshot.version(),
                    record.key());
            skipped.increment();
            return false;
        }
        return true;
    }

    private void counted(ConsumerRecord<String, QueueSnapshot> record, boolean applied, long now) {
        MDC.put("doctorId", record.key());
        try {
            if (applied) {
                this.applied.increment();
                lag.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
                log.debug("Projected queue version {} to Redis", record.value().version());
            } else {
                stale.increment();
                log.debug("Redis already holds a queue version at or after {}", record.value().version());
            }
        } finally {
            MDC.remove("doctorId");
        }
    }
}
