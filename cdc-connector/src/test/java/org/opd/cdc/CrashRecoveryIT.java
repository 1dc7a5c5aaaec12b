package org.opd.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Issue 4's crash test: 10,000 state changes of several doctors written by a concurrent writer while
 * the connector, in a process of its own, is killed with {@code kill -9} twice and started again.
 */
@EmbeddedKafka(kraft = true)
class CrashRecoveryIT {

    private static final int EVENTS = 10_000;
    private static final int DOCTORS = 8;

    private EmbeddedKafkaBroker broker;
    private TestDatabase database;
    private final List<ConnectorProcess> processes = new ArrayList<>();

    @BeforeEach
    void createDatabase(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
    }

    @AfterEach
    void killConnectorsAndDropDatabase() throws Exception {
        for (ConnectorProcess process : processes) {
            process.close();
        }
        awaitSlotReleased();
        database.close();
    }

    @Test
    void deliversEveryEventInPerDoctorOrderAcrossTwoKillNines() throws Exception {
        // Given a connector in its own process and a writer committing 10,000 events of 8 doctors, one per transaction
        List<UUID> doctors = new ArrayList<>();
        for (int i = 0; i < DOCTORS; i++) {
            doctors.add(UUID.randomUUID());
        }
        ConnectorProcess connector = startConnector(0);
        AtomicInteger written = new AtomicInteger();
        Map<String, List<String>> writtenByDoctor = new HashMap<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(doctors, written, writtenByDoctor));

        // When the connector is killed with kill -9 twice while the writer goes on, and started again each time
        for (int crash = 1; crash <= 2; crash++) {
            int killAt = crash * EVENTS / 3;
            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= killAt || writer.isDone());
            assertThat(connector.kill()).as("exit status of kill -9").isEqualTo(137);
            connector = startConnector(crash);
        }
        writer.get();

        // Then every event arrives in Kafka, per doctor in commit order, repeated only where a restart replayed a tail
        Map<String, List<String>> received = receiveAllDistinct(doctors);
        int duplicates = 0;
        for (UUID doctor : doctors) {
            List<String> expected = writtenByDoctor.get(doctor.toString());
            List<String> actual = received.get(doctor.toString());
            duplicates += assertInOrderWithReplayedTailsOnly(actual, expected, 2);
        }
        System.out.printf("CrashRecoveryIT: %d events written, %d received, %d duplicates after two kill -9%n",
                EVENTS, EVENTS + duplicates, duplicates);
    }

    private void write(List<UUID> doctors, AtomicInteger written, Map<String, List<String>> writtenByDoctor) {
        try (Connection connection = database.connect()) {
            for (int i = 0; i < EVENTS; i++) {
                UUID doctor = doctors.get(i % doctors.size());
                TokenEvent event = OutboxTable.insertEventOf(connection, Topics.TOKEN_AGGREGATE, doctor);
                synchronized (writtenByDoctor) {
                    writtenByDoctor.computeIfAbsent(doctor.toString(), d -> new ArrayList<>()).add(event.eventId().toString());
                }
                written.incrementAndGet();
                if (i % 10 == 0) {
                    // About 1,000 changes/s, so that both kills land in the middle of the stream.
                    Thread.sleep(10);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Writer failed after " + written.get() + " events", e);
        }
    }

    private ConnectorProcess startConnector(int run) {
        ConnectorProcess process = ConnectorProcess.start(ConnectorArgs.of(database, broker.getBrokersAsString()),
                Path.of("target", "crash-recovery-connector-" + run + ".log"));
        processes.add(process);
        return process;
    }

    private Map<String, List<String>> receiveAllDistinct(List<UUID> doctors) {
        try (EventsTopic topic = new EventsTopic(broker.getBrokersAsString(), Topics.TOKEN_EVENTS.name(),
                doctors.stream().map(UUID::toString).toList())) {
            Set<String> distinct = new HashSet<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : topic.poll(Duration.ofMillis(200))) {
                    distinct.add(EventsTopic.header(record, EventHeaders.EVENT_ID));
                }
                return distinct.size() >= EVENTS;
            });
            // Anything replayed arrives right behind; one more poll takes it in.
            topic.poll(Duration.ofSeconds(1));
            Map<String, List<String>> byDoctor = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : topic.received()) {
                byDoctor.computeIfAbsent(record.key(), d -> new ArrayList<>())
                        .add(EventsTopic.header(record, EventHeaders.EVENT_ID));
            }
            return byDoctor;
        }
    }

    /**
     * {@code received} must be {@code written} in order, except that after a restart it may go back to an
     * earlier event and repeat from there (a replayed tail), at most {@code restarts} times.
     *
     * @return how many events were received twice
     */
    static int assertInOrderWithReplayedTailsOnly(List<String> received, List<String> written, int restarts) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            position.put(written.get(i), i);
        }
        int next = 0;
        int replays = 0;
        int duplicates = 0;
        for (String eventId : received) {
            Integer at = position.get(eventId);
            assertThat(at).as("event %s was never written", eventId).isNotNull();
            if (at != next) {
                assertThat(at).as("event %s arrived before %s: lost or out of order", eventId,
                        next < written.size() ? written.get(next) : "the end").isLessThan(next);
                replays++;
                duplicates += next - at;
            }
            next = at + 1;
        }
        assertThat(next).as("events after the last one received were lost").isEqualTo(written.size());
        assertThat(replays).as("replayed tails").isLessThanOrEqualTo(restarts);
        return duplicates;
    }

    private void awaitSlotReleased() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active")) {
                select.setString(1, ConnectorArgs.slotName(database));
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    return result.getInt(1) == 0;
                }
            }
        });
    }
}
