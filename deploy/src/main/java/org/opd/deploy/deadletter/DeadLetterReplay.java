package org.opd.deploy.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.opd.schemas.alert.DeadLetterAlert;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.Topics;

/**
 * Puts the dead letters of a topic back on the topic they came from, once what set them aside is fixed:
 * each on its original partition with its key, value and event headers (the dead-letter headers left out),
 * in the order they were set aside. Remembers how far it went in the consumer group
 * {@value #GROUP}, so a second run replays only what was set aside since; the consumers are idempotent
 * by event id, so a run cut off before it remembered repeats nothing harmful. Then resolves the
 * dead-letter alerts of the consumers whose records it replayed.
 */
public final class DeadLetterReplay implements AutoCloseable {

    static final String GROUP = "opd-dead-letter-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;

    public DeadLetterReplay(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** What one run did. */
    public record Outcome(String deadLetterTopic, String originalTopic, int replayed, Set<String> consumers) {
    }

    /** Replays what the dead-letter topic of {@code originalTopic} holds beyond this group's last run. */
    public Outcome replay(String originalTopic) {
        String deadLetterTopic = Topics.deadLettersOf(originalTopic);
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Set<String> consumers = new TreeSet<>();
        int replayed = 0;
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<byte[], byte[]> deadLetter : consumer.poll(POLL)) {
                TopicPartition from = new TopicPartition(deadLetter.topic(), deadLetter.partition());
                if (deadLetter.offset() >= end.get(from)) {
                    continue; // set aside while this run went: left for the next
                }
                producer.send(new ProducerRecord<>(originalTopic, originalPartition(deadLetter), deadLetter.key(),
                        deadLetter.value(), eventHeaders(deadLetter.headers())));
                String setAsideBy = text(deadLetter.headers().lastHeader(DeadLetterHeaders.CONSUMER));
                if (setAsideBy != null) {
                    consumers.add(setAsideBy);
                }
                done.put(from, new OffsetAndMetadata(deadLetter.offset() + 1));
                replayed++;
            }
        }
        producer.flush();
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        for (String setAsideBy : consumers) {
            OperationsAlert resolved = DeadLetterAlert.resolved(setAsideBy, originalTopic, Instant.now());
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), resolved.key().getBytes(StandardCharsets.UTF_8),
                    Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), resolved)));
        }
        producer.flush();
        consumer.unsubscribe();
        return new Outcome(deadLetterTopic, originalTopic, replayed, consumers);
    }

    /** The partition it was read from: spring-kafka and our Streams handler write it as 4 bytes. */
    private static Integer originalPartition(ConsumerRecord<byte[], byte[]> deadLetter) {
        Header partition = deadLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION);
        return partition == null || partition.value().length != Integer.BYTES ? null : ByteBuffer.wrap(partition.value()).getInt();
    }

    /** The record's own headers (event id and type, schema version), not why it was set aside. */
    private static Headers eventHeaders(Headers all) {
        List<Header> kept = new ArrayList<>();
        for (Header header : all) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX) && !header.key().equals(DeadLetterHeaders.CONSUMER)
                    && !header.key().startsWith("springDeserializerException")) {
                kept.add(header);
            }
        }
        return new RecordHeaders(kept);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        consumer.close(Duration.ofSeconds(10));
    }
}
