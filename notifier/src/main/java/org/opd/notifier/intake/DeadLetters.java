package org.opd.notifier.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opd.notifier.LogSafe;
import org.opd.schemas.alert.DeadLetterAlert;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What becomes of a record the intake cannot read, or cannot handle after its retries: it goes to its
 * topic's dead-letter topic with the reason in its headers (spring-kafka's recoverer), on the partition it
 * had; it is counted; and an operations alert says how many wait there. If the dead letter cannot be
 * written, the failure goes back to the container, which retries the record: it is never only logged.
 */
@Component
public class DeadLetters implements ConsumerRecordRecoverer {

    static final String CONSUMER = "notifier";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<Object, Object> kafka;
    private final DeadLetterPublishingRecoverer recoverer;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> setAsideByTopic = new ConcurrentHashMap<>();

    DeadLetters(KafkaProperties properties, SslBundles sslBundles, MeterRegistry meters) {
        this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(sslBundles),
                new Utf8Keys(), new DeadLetterValues()));
        this.recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLettersOf(record.topic()), record.partition()));
        this.recoverer.setWaitForSendResultTimeout(SEND_TIMEOUT);
        this.recoverer.setHeadersFunction((record, failure) -> new RecordHeaders().add(DeadLetterHeaders.CONSUMER,
                CONSUMER.getBytes(StandardCharsets.UTF_8)));
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        Throwable cause = rootCause(failure);
        boolean unreadable = cause instanceof DeserializationException;
        recoverer.accept(record, failure);
        log.error("{} record {} (eventId {}) set aside in {}: {}", unreadable ? "Unreadable" : "Unhandled", position,
                eventId(record), Topics.deadLettersOf(record.topic()), LogSafe.failure(failure));
        Counter.builder("opd.notifier.dead.letters")
                .description("Records the intake could not read or handle, set aside on their dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", unreadable ? "unreadable" : "unhandled")
                .register(meters)
                .increment();
        long waiting = setAsideByTopic.computeIfAbsent(record.topic(), topic -> new AtomicLong()).incrementAndGet();
        raise(DeadLetterAlert.raised(CONSUMER, record.topic(), waiting, cause.getClass().getSimpleName(), Instant.now()));
    }

    private void raise(OperationsAlert alert) {
        try {
            kafka.send(Topics.ALERTS.name(), alert.key(), alert).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while raising the dead-letter alert", e);
        } catch (ExecutionException | TimeoutException e) {
            // The dead letter is written: the alert is raised again with the next one, and the metric counts it.
            log.warn("Could not raise the dead-letter alert for {}: {}", alert.metadata().get("topic"), e.toString());
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof DeserializationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof TokenEvent event) {
            return String.valueOf(event.eventId());
        }
        if (record.value() instanceof NotificationRequest request) {
            return String.valueOf(request.requestId());
        }
        if (record.value() instanceof OneTimeCodeIssued issued) {
            return String.valueOf(issued.eventId());
        }
        if (record.value() instanceof AccountLinkIssued issued) {
            return String.valueOf(issued.eventId());
        }
        return Optional.ofNullable(record.headers().lastHeader(EventHeaders.EVENT_ID))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("unknown");
    }

    /** Keys are doctor, patient or account ids, read as strings: written back the same. */
    private static final class Utf8Keys implements Serializer<Object> {
        private final StringSerializer strings = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object key) {
            return key == null ? null : strings.serialize(topic, key.toString());
        }
    }

    /**
     * An unreadable record's own bytes (the recoverer takes them from the deserializer's header) as they
     * were; a record that was read, and an alert, as the contracts' JSON.
     */
    private static final class DeadLetterValues implements Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object value) {
            if (value == null || value instanceof byte[]) {
                return (byte[]) value;
            }
            try {
                return JsonSerde.MAPPER.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write a dead letter of " + value.getClass().getSimpleName(), e);
            }
        }
    }
}
