package org.opd.eta.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the screens' Redis keys from Kafka after Redis lost them: reads every committed queue
 * snapshot from the beginning of {@code opd.queue-snapshots} up to its current end and projects each.
 * The projection is versioned, so only each doctor's newest snapshot stays in effect, and a rebuild
 * while the live projector runs (or run twice) does no harm.
 * <p>
 * A plain consumer, not a spring-kafka listener container like the live projector's: this is a command
 * that owns every partition for one pass and then exits. It takes no consumer group (it must not move the
 * live projector's offsets, nor wait for a rebalance), commits nothing, and stops at the end offsets it
 * saw when it started; a container is made for the opposite (a group member that runs until stopped,
 * committing as it goes) and knows no "end" to stop at. An unreadable record is passed over and counted:
 * the live projector reads the same records and has set it aside on {@code opd.queue-snapshots.dlt}.
 */
public class RedisRebuild {

    private static final Logger log = LoggerFactory.getLogger(RedisRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final RedisQueueProjection projection;

    public RedisRebuild(String bootstrapServers, RedisQueueProjection projection) {
        this.bootstrapServers = bootstrapServers;
        this.projection = projection;
    }

    /** @param read snapshots read; @param applied those newer than what Redis held; @param unreadable records passed over */
    public record Result(long read, long applied, long unreadable) {
    }

    public Result run() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "opd-eta-redis-rebuild");
        long read = 0;
        long applied = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, QueueSnapshot> consumer = new KafkaConsumer<>(config,
                Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer())) {
            // No consumer group: the rebuild owns every partition and must not move the live projector's offsets.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.QUEUE_SNAPSHOTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!reachedEnd(consumer, end)) {
                ConsumerRecords<String, QueueSnapshot> records;
                try {
                    records = consumer.poll(POLL);
                } catch (RecordDeserializationException e) {
                    log.warn("Passing over the unreadable queue snapshot at {}@{}; it waits on {}", e.topicPartition(), e.offset(),
                            Topics.QUEUE_SNAPSHOTS_DEAD_LETTERS.name());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    unreadable++;
                    continue;
                }
                for (ConsumerRecord<String, QueueSnapshot> record : records) {
                    if (record.value() == null) {
                        continue;
                    }
                    read++;
                    if (projection.project(record.value())) {
                        applied++;
                    }
                }
            }
        }
        log.info("Rebuilt Redis from {}: {} snapshots read, {} applied, {} unreadable passed over", Topics.QUEUE_SNAPSHOTS.name(),
                read, applied, unreadable);
        return new Result(read, applied, unreadable);
    }

    private static boolean reachedEnd(KafkaConsumer<String, QueueSnapshot> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
