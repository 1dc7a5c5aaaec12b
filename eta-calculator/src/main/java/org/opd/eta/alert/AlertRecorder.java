package org.opd.eta.alert;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.opd.eta.EtaProperties;
import org.opd.eta.streams.QueueStreams;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads committed alerts on its own thread, records each in {@code system_alerts} and announces it to the
 * dashboards; a batch's
 * offsets are committed only after the database took all of it (a crash replays; the store is idempotent).
 */
public class AlertRecorder implements SmartLifecycle {

    public static final String GROUP_ID = "opd-eta-alert-store";

    private static final Logger log = LoggerFactory.getLogger(AlertRecorder.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EtaProperties properties;
    private final AlertStore store;
    private final AlertAnnouncer announcer;
    private final Counter recorded;

    private volatile boolean running;
    private volatile KafkaConsumer<String, OperationsAlert> consumer;
    private CountDownLatch stopRequested;
    private CountDownLatch finished;

    public AlertRecorder(EtaProperties properties, AlertStore store, AlertAnnouncer announcer, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.announcer = announcer;
        this.recorded = Counter.builder("opd.eta.alerts.recorded").description("Alerts written to system_alerts").register(meters);
    }

    @Override
    public void start() {
        stopRequested = new CountDownLatch(1);
        finished = new CountDownLatch(1);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-alert-store");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(properties.groupMembership());
        consumer = new KafkaConsumer<>(config, Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        running = true;
        new Thread(this::run, "eta-alert-recorder").start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (running) {
                pollAndRecord();
            }
        } catch (WakeupException e) {
            log.debug("Alert recorder woken up to stop");
        } catch (RuntimeException e) {
            log.error("Alert recorder stopped", e);
            running = false;
        } finally {
            consumer.close();
            finished.countDown();
        }
    }

    private void pollAndRecord() {
        ConsumerRecords<String, OperationsAlert> records;
        try {
            records = consumer.poll(properties.projection().pollTimeout());
        } catch (RecordDeserializationException e) {
            log.warn("Skipping unreadable alert at {}@{}", e.topicPartition(), e.offset(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return;
        }
        try {
            for (ConsumerRecord<String, OperationsAlert> record : records) {
                if (record.value() != null) {
                    store.record(record.value());
                    recorded.increment();
                    announcer.announce(record.value());
                }
            }
            consumer.commitSync();
        } catch (DataAccessException e) {
            log.warn("PostgreSQL refused an alert; retrying the batch in {}", properties.projection().retryBackoff(), e);
            // Back to the last committed position: the batch is recorded again, harmlessly.
            records.partitions().forEach(partition -> consumer.seek(partition, records.records(partition).get(0).offset()));
            try {
                stopRequested.await(properties.projection().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            if (!finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Alert recorder did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
