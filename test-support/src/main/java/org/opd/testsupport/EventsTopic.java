package org.opd.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads an event topic from its beginning, keeping the records of the given doctors in arrival order. */
public final class EventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> doctorIds;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    public EventsTopic(String bootstrapServers, String topic, Collection<String> doctorIds) {
        this.doctorIds = Set.copyOf(doctorIds);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until at least {@code count} records of the doctors arrived, and returns all received so far. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count) {
        return awaitRecords(count, Duration.ofSeconds(30));
    }

    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll(Duration.ofMillis(200));
            return received.size() >= count;
        });
        return List.copyOf(received);
    }

    /** Polls once, keeping the doctors' records, and returns those that arrived with this poll. */
    public List<ConsumerRecord<String, byte[]>> poll(Duration wait) {
        List<ConsumerRecord<String, byte[]>> arrived = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            if (doctorIds.isEmpty() || doctorIds.contains(record.key())) {
                arrived.add(record);
            }
        }
        received.addAll(arrived);
        return arrived;
    }

    public List<ConsumerRecord<String, byte[]>> received() {
        return List.copyOf(received);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
