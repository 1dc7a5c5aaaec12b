package org.opd.eta.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.opd.eta.EtaProperties;
import org.opd.eta.streams.QueueStreams;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads committed queue snapshots on its own thread and projects each poll's batch into Redis in one
 * round trip; offsets are committed only after Redis took the batch, so a crash replays (harmlessly:
 * the projection is versioned) instead of losing.
 */
public class SnapshotProjector implements SmartLifecycle {

    public static final String GROUP_ID = "opd-eta-redis-projector";

    private static final Logger log = LoggerFactory.getLogger(SnapshotProjector.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EtaProperties properties;
    private final RedisQueueProjection projection;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;
    private final Counter applied;
    private final Counter stale;
    private final Counter skipped;

    private volatile boolean running;
    private volatile KafkaConsumer<String, QueueSnapshot> consumer;
    private CountDownLatch stopRequested;
    private CountDownLatch finished;

    public SnapshotProjector(EtaProperties properties, RedisQueueProjection projection, MeterRegistry meters, Clock clock) {
        this.properties = properties;
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
    public void start() {
        stopRequested = new CountDownLatch(1);
        finished = new CountDownLatch(1);
        consumer = new KafkaConsumer<>(consumerConfig(), Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(),
                Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
        running = true;
        Thread thread = new Thread(this::run, "eta-redis-projector");
        thread.start();
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-redis-projector");
        // Only snapshots of committed Streams transactions: an aborted one never reaches a screen.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topic is created compacted at start; never let a subscription create it otherwise.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(properties.groupMembership());
        return config;
    }

    private void run() {
        try (KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer)) {
            clientMetrics.bindTo(meters);
            consumer.subscribe(List.of(Topics.QUEUE_SNAPSHOTS.name()));
            while (running) {
                pollAndProject();
            }
        } catch (WakeupException e) {
            log.debug("Redis projection woken up to stop");
        } catch (RuntimeException e) {
            log.error("Redis projection stopped", e);
            running = false;
        } finally {
            consumer.close();
            finished.countDown();
        }
    }

    private void pollAndProject() {
        ConsumerRecords<String, QueueSnapshot> records;
        try {
            records = consumer.poll(properties.projection().pollTimeout());
        } catch (RecordDeserializationException e) {
            log.warn("Skipping unreadable queue snapshot at {}@{}", e.topicPartition(), e.offset(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            skipped.increment();
            return;
        }
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, QueueSnapshot>> projectable = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, QueueSnapshot> record : records) {
            if (isProjectable(record)) {
                projectable.add(record);
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        List<Boolean> outcomes;
        try {
            outcomes = projection.projectAll(projectable.stream().map(ConsumerRecord::value).toList());
        } catch (JedisException e) {
            // The whole batch again after the pause: snapshots Redis took already are ignored as not newer.
            log.warn("Redis refused {} queue snapshots; retrying in {}", projectable.size(), properties.projection().retryBackoff(), e);
            rewind(records);
            awaitBackoff();
            return;
        }
        long now = clock.millis();
        for (int i = 0; i < projectable.size(); i++) {
            counted(projectable.get(i), outcomes.get(i), now);
        }
        commit(done);
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

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        try {
            consumer.commitSync(done);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another member, which replays them; the projection is versioned.
            log.info("Could not commit projected snapshots after a rebalance: {}", e.getMessage());
        }
    }

    /** Moves every partition of the batch back to its first record. */
    private void rewind(ConsumerRecords<String, QueueSnapshot> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void awaitBackoff() {
        try {
            stopRequested.await(properties.projection().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            if (!finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Redis projection did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the projection thread is consuming; false once it stopped or failed. */
    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the queue topology, which creates the topic read here. */
    @Override
    public int getPhase() {
        return QueueStreams.PHASE + 1;
    }
}
