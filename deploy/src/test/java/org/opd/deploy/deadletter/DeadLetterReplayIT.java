package org.opd.deploy.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.deploy.kafka.InProcessKafkaBroker;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.EventsTopic;

class DeadLetterReplayIT {

    @TempDir
    Path dataDir;

    private InProcessKafkaBroker broker;
    private KafkaProducer<byte[], byte[]> producer;

    @BeforeEach
    void startBroker() {
        broker = InProcessKafkaBroker.start(dataDir, 0);
        TopicProvisioner.ensureExist(broker.bootstrapServers(), (short) 1, Topics.ALL);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stopBroker() {
        producer.close(Duration.ofSeconds(5));
        broker.close();
    }

    @Test
    void putsEachDeadLetterBackWhereItCameFromOnceAndResolvesTheAlert() throws Exception {
        // Given a token event the notifier set aside from partition 4, with its event headers and the reason
        String doctor = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(Topics.TOKEN_EVENTS_DEAD_LETTERS.name(), 4,
                bytes(doctor), bytes("{\"eventType\":\"TOKEN_ISSUED\"}"));
        deadLetter.headers()
                .add(EventHeaders.EVENT_ID, bytes(eventId.toString()))
                .add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(Topics.TOKEN_EVENTS.name()))
                .add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(4).array())
                .add(DeadLetterHeaders.EXCEPTION_CLASS, bytes("org.example.Bug"))
                .add(DeadLetterHeaders.CONSUMER, bytes("notifier"));
        producer.send(deadLetter).get();

        // When the operator replays the topic's dead letters
        String printed = run(Topics.TOKEN_EVENTS.name());

        // Then the event is back on opd.token-events, partition 4, as it was, without the dead-letter headers
        assertThat(printed).contains("Replayed 1 dead letter(s) of opd.token-events.dlt", "resolved the alerts of notifier");
        try (EventsTopic events = new EventsTopic(broker.bootstrapServers(), Topics.TOKEN_EVENTS.name(), List.of(doctor))) {
            ConsumerRecord<String, byte[]> replayed = events.awaitRecords(1).get(0);
            assertThat(replayed.partition()).isEqualTo(4);
            assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventType\":\"TOKEN_ISSUED\"}");
            assertThat(EventsTopic.header(replayed, EventHeaders.EVENT_ID)).isEqualTo(eventId.toString());
            assertThat(EventsTopic.header(replayed, DeadLetterHeaders.ORIGINAL_TOPIC)).isNull();
            assertThat(EventsTopic.header(replayed, DeadLetterHeaders.CONSUMER)).isNull();
        }
        // and the notifier's dead-letter alert is resolved
        try (EventsTopic alerts = new EventsTopic(broker.bootstrapServers(), Topics.ALERTS.name(), List.of())) {
            OperationsAlert alert = Topics.ALERTS.valueSerde().deserializer()
                    .deserialize(Topics.ALERTS.name(), alerts.awaitRecords(1).get(0).value());
            assertThat(alert.type()).isEqualTo(AlertType.DEAD_LETTERS);
            assertThat(alert.resolved()).isTrue();
        }

        // When it is run again: nothing is replayed twice
        assertThat(run(Topics.TOKEN_EVENTS.name())).contains("Replayed 0 dead letter(s)");
    }

    @Test
    void refusesATopicWithoutDeadLetters() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DeadLetterReplayCommand.run(new String[] {Topics.ETA_CHANGES.name()}, broker.bootstrapServers(),
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: replay-dead-letters.sh TOPIC, one of opd.token-events");
    }

    private String run(String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DeadLetterReplayCommand.run(new String[] {topic}, broker.bootstrapServers(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
