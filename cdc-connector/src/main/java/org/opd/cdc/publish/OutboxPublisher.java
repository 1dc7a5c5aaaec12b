package org.opd.cdc.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.opd.cdc.CdcProperties;
import org.opd.cdc.capture.OutboxConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;

/**
 * Publishes each batch of outbox events the engine hands over to Kafka, and marks its events
 * processed only once Kafka has acknowledged them: the engine confirms to PostgreSQL only positions
 * of processed events, so the replication slot never lets go of WAL that Kafka does not hold yet.
 * <p>
 * Each batch is one Kafka transaction: if any event of it is refused, none of it becomes visible to
 * {@code read_committed} consumers, so a later event of a doctor can never be read ahead of an
 * earlier one that is replayed after a restart. The transactional id is the slot's: a restarted
 * connector fences its predecessor and aborts what that one left open (after a {@code kill -9} too).
 * <p>
 * Each engine run gets its own producer ({@link #open()} … {@link #close()}), so that a producer
 * that gave up on a broker outage is not reused by the engine that replaces the one that died.
 */
@Component
public class OutboxPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    /** The oldest event still waiting for Kafka's acknowledgement, and since when. */
    public record Pending(String eventId, String topic, Instant since) {
    }

    /** How much longer than its events a batch's transaction may stay open before the coordinator aborts it. */
    private static final Duration TRANSACTION_TIMEOUT_MARGIN = Duration.ofMinutes(1);

    private final CdcProperties properties;
    private final CaptureMetrics metrics;
    private final OutboxCleaner cleaner;
    private volatile Producer<byte[], byte[]> producer;
    private volatile Pending pending;

    OutboxPublisher(CdcProperties properties, CaptureMetrics metrics, OutboxCleaner cleaner) {
        this.properties = properties;
        this.metrics = metrics;
        this.cleaner = cleaner;
    }

    /** Creates the producer for the next engine run. */
    public void open() {
        int deliveryTimeoutMs = (int) Math.min(Integer.MAX_VALUE, properties.kafkaDeliveryTimeout().toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "opd-cdc-connector");
        // Idempotence keeps one copy and the order of each partition across the producer's own retries.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A broker outage shorter than this stalls capture (nothing is marked processed) instead of failing it.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) deliveryTimeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, deliveryTimeoutMs));
        // Batches come from Debezium already; waiting to fill them would only add lag.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "opd-cdc-" + properties.slotName());
        // A batch may wait out a broker outage as long as its events may; the coordinator must not abort it first.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, deliveryTimeoutMs + TRANSACTION_TIMEOUT_MARGIN.toMillis()));
        Producer<byte[], byte[]> created = new KafkaProducer<>(config);
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
        pending = null;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        Producer<byte[], byte[]> kafka = producer;
        List<OutboxEvent> events = records.stream()
                .map(record -> onlyMovesThePosition(record.record()) ? null : OutboxEvent.from(record.record()))
                .toList();
        List<UUID> published = publishInOneTransaction(kafka, events);
        for (RecordChangeEvent<SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
        cleaner.acknowledged(published);
    }

    /**
     * Sends the whole batch before waiting, so that it travels in few requests, and stops sending at the
     * first refusal (each further send could wait for Kafka as long again); commits only once every
     * event is acknowledged, else aborts so that none is read. A batch of heartbeats only sends nothing.
     */
    private List<UUID> publishInOneTransaction(Producer<byte[], byte[]> kafka, List<OutboxEvent> events)
            throws InterruptedException {
        OutboxEvent first = events.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (first == null) {
            return List.of();
        }
        // From here the batch waits for Kafka: a send may block too (metadata of a broker that is gone), and
        // health must tell that stall as it tells a missing acknowledgement.
        pending = new Pending(first.eventId(), first.topic(), Instant.now());
        kafka.beginTransaction();
        AtomicBoolean refused = new AtomicBoolean();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            if (refused.get()) {
                break;
            }
            acks.add(event == null ? null : kafka.send(event.toProducerRecord(), (metadata, error) -> {
                if (error == null) {
                    metrics.published(event, Instant.now());
                } else {
                    refused.set(true);
                }
            }));
        }
        List<UUID> published = new ArrayList<>(events.size());
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent event = events.get(i);
            if (event != null) {
                awaitAck(kafka, event, acks.get(i));
                published.add(UUID.fromString(event.eventId()));
            }
        }
        // The commit waits for Kafka as the acknowledgements do: health tells a stall in either.
        pending = new Pending(first.eventId(), first.topic(), Instant.now());
        try {
            kafka.commitTransaction();
        } catch (RuntimeException e) {
            abandon(kafka, !(e instanceof TimeoutException));
            throw new IllegalStateException("Kafka did not commit a batch of " + published.size() + " events: "
                    + e.getMessage(), e);
        } finally {
            pending = null;
        }
        return published;
    }

    /** Heartbeats and heartbeat-table changes let the engine confirm a newer position; Kafka gets nothing. */
    private static boolean onlyMovesThePosition(SourceRecord record) {
        return OutboxConnectorConfig.HEARTBEAT_TOPIC.equals(record.topic())
                || OutboxConnectorConfig.HEARTBEAT_TABLE_TOPIC.equals(record.topic());
    }

    private void awaitAck(Producer<byte[], byte[]> kafka, OutboxEvent event, Future<RecordMetadata> ack)
            throws InterruptedException {
        try (var eventId = MDC.putCloseable("eventId", event.eventId());
             var doctorId = MDC.putCloseable("doctorId", event.key())) {
            if (!ack.isDone()) {
                pending = new Pending(event.eventId(), event.topic(), Instant.now());
            }
            // Bounded here too: while the transaction coordinator is unreachable the producer never expires
            // the batch itself.
            RecordMetadata metadata = ack.get(properties.kafkaDeliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Published {} to {}-{} at offset {}", event.eventType(), metadata.topic(), metadata.partition(),
                    metadata.offset());
        } catch (ExecutionException e) {
            // Stopping capture here keeps this event and every later one in the WAL for the next engine run.
            abandon(kafka, !(e.getCause() instanceof TimeoutException));
            throw new IllegalStateException("Kafka did not acknowledge event " + event.eventId() + " for topic "
                    + event.topic() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            abandon(kafka, false);
            throw new IllegalStateException("Kafka did not acknowledge event " + event.eventId() + " for topic "
                    + event.topic() + " within " + properties.kafkaDeliveryTimeout(), e);
        } finally {
            pending = null;
        }
    }

    /**
     * Drops what the producer still holds, and aborts the batch's transaction first unless Kafka is
     * unreachable (the abort would wait as long again): the next engine run's producer, with the same
     * transactional id, aborts it then, and meanwhile {@code read_committed} consumers wait at it.
     */
    private static void abandon(Producer<byte[], byte[]> kafka, boolean kafkaAnswers) {
        try {
            if (kafkaAnswers) {
                kafka.abortTransaction();
            }
        } catch (RuntimeException e) {
            log.warn("Could not abort the batch's Kafka transaction ({}); the next engine run fences it", e.getMessage());
        } finally {
            kafka.close(Duration.ZERO);
        }
    }

    /** The event Kafka has not acknowledged yet, if the publisher waits for one. */
    public Pending pending() {
        return pending;
    }

    /** Closes this run's producer, waiting a little for events in flight. */
    public void close() {
        closeProducer(Duration.ofSeconds(10));
    }

    /**
     * Fails every event still waiting for Kafka, so that an engine stuck on an unreachable broker can
     * stop; those events were not marked processed and come again at the next start.
     */
    public void abort() {
        closeProducer(Duration.ZERO);
    }

    private void closeProducer(Duration wait) {
        Producer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(wait);
        }
    }
}
