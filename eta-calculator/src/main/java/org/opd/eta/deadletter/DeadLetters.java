package org.opd.eta.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.opd.schemas.alert.DeadLetterAlert;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the eta-calculator sets aside a record it cannot read, whether the queue topology or a listener
 * container read it: its topic's dead-letter topic, on its partition, with the reason in the headers the
 * notifier's dead letters carry too ({@link DeadLetterHeaders}); counted, and raising an operations alert.
 * Written outside any transaction or offset commit: a dead letter may be written twice after a crash, never
 * not at all. One per service, so one producer and one count per topic whoever read the record.
 */
public final class DeadLetters implements AutoCloseable {

    /** The {@link DeadLetterHeaders#CONSUMER} of every dead letter of this service. */
    public static final String CONSUMER = "eta-calculator";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Map<String, AtomicLong> setAsideByTopic = new ConcurrentHashMap<>();
    private final Producer<byte[], byte[]> producer;
    private final MeterRegistry meters;

    public DeadLetters(String bootstrapServers, String applicationId, MeterRegistry meters) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.meters = meters;
    }

    /** Sets the record aside; false if it could not be written, so the caller must not go past it. */
    public boolean setAside(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            producer.send(new ProducerRecord<>(Topics.deadLettersOf(record.topic()), record.partition(), record.key(),
                    record.value(), headers(record, exception))).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.error("Unreadable record {} could not be set aside", position, e);
            return false;
        }
        log.error("Unreadable record {} set aside in {}: {}", position, Topics.deadLettersOf(record.topic()),
                exception.getClass().getSimpleName());
        Counter.builder("opd.eta.dead.letters")
                .description("Records the eta-calculator could not read, set aside on their dead-letter topic")
                .tag("topic", record.topic())
                .register(meters)
                .increment();
        long waiting = setAsideByTopic.computeIfAbsent(record.topic(), topic -> new AtomicLong()).incrementAndGet();
        raise(DeadLetterAlert.raised(CONSUMER, record.topic(), waiting, exception.getClass().getSimpleName(), Instant.now()));
        return true;
    }

    private void raise(OperationsAlert alert) {
        byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
        try {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.key().getBytes(StandardCharsets.UTF_8), value))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // The dead letter is written and counted: the alert goes out again with the next one.
            log.warn("Could not raise the dead-letter alert for {}: {}", alert.metadata().get("topic"), e.toString());
        }
    }

    private static Headers headers(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(DeadLetterHeaders.EXCEPTION_CLASS, utf8(exception.getClass().getName()));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(String.valueOf(exception.getMessage())));
        headers.add(DeadLetterHeaders.CONSUMER, utf8(CONSUMER));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
