package org.opd.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.EventsTopic;
import org.opd.testsupport.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The capture test against a Kafka broker in a container, for machines with a Docker engine; skipped
 * where none runs (the default suite covers the same path with the in-process broker).
 */
@Testcontainers(disabledWithoutDocker = true)
class OutboxCaptureContainerIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private TestDatabase database;
    private ConfigurableApplicationContext connector;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        if (connector != null) {
            connector.close();
        }
        database.close();
    }

    @Test
    void publishesOutboxRowsToTheContainerBrokerInPerDoctorOrder() throws Exception {
        // Given a connector publishing to a containerised broker
        connector = CdcConnectorApplication.builder()
                .run(ConnectorArgs.of(database, KAFKA.getBootstrapServers()).toArray(String[]::new));
        OutboxTable outbox = new OutboxTable(database);
        UUID doctor = UUID.randomUUID();

        // When a doctor's events are committed
        List<TokenEvent> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(outbox.commitEventOf(doctor));
        }

        // Then they arrive keyed by the doctor, in order
        try (EventsTopic topic = new EventsTopic(KAFKA.getBootstrapServers(), Topics.TOKEN_EVENTS.name(),
                List.of(doctor.toString()))) {
            List<ConsumerRecord<String, byte[]>> received = topic.awaitRecords(written.size());
            assertThat(received).extracting(record -> EventsTopic.header(record, EventHeaders.EVENT_ID))
                    .containsExactlyElementsOf(written.stream().map(event -> event.eventId().toString()).toList());
        }
    }
}
