package org.opd.eta.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the screens' Redis keys from Kafka after Redis lost them: reads every committed queue
 * snapshot from the beginning of {@code opd.queue-snapshots} up to its current end and projects each.
 * The projection is versioned, so only each doctor's newest snapshot stays in effect, and a rebuild
 * while the live projector runs (or run twice) does no harm.
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

    /** @param read snapshots read; @param applied those newer than what Redis held */
    public record Result(long read, long applied) {
    }

    public Result run() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "opd-eta-redis-rebuild");
        long read = 0;
        long applied = 0;
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
                for (ConsumerRecord<String, QueueSnapshot> record : consumer.poll(POLL)) {
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
        log.info("Rebuilt Redis from {}: {} snapshots read, {} applied", Topics.QUEUE_SNAPSHOTS.name(), read, applied);
        return new Result(read, applied);
    }

    private static boolean reachedEnd(KafkaConsumer<String, QueueSnapshot> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
