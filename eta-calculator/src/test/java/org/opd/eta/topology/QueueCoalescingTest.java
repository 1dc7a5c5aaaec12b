package org.opd.eta.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.eta.DoctorDay;
import org.opd.eta.estimate.SeedFormulaEtaEstimator;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A busy doctor: changes closer together than the publish interval leave in one snapshot, and none is lost. */
class QueueCoalescingTest {

    private static final int NORMAL = 1;
    private static final Duration INTERVAL = Duration.ofMillis(100);

    @TempDir
    Path stateDir;

    private final DoctorDay day = new DoctorDay(10, 5);
    private TopologyTestDriver driver;
    private TestInputTopic<String, TokenEvent> tokenEvents;
    private TestOutputTopic<String, QueueSnapshot> snapshots;
    private TestOutputTopic<String, NotificationRequest> notifications;

    @BeforeEach
    void startTopology() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-coalescing-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(new QueueTopology(SeedFormulaEtaEstimator.withoutDoubleCount(),
                TopologySettings.DEFAULTS.withPublishInterval(INTERVAL), new SimpleMeterRegistry()).build(), config, DoctorDay.NINE);
        tokenEvents = driver.createInputTopic(Topics.TOKEN_EVENTS.name(),
                Topics.TOKEN_EVENTS.keySerde().serializer(), Topics.TOKEN_EVENTS.valueSerde().serializer());
        snapshots = driver.createOutputTopic(Topics.QUEUE_SNAPSHOTS.name(),
                Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
        notifications = driver.createOutputTopic(Topics.NOTIFICATION_REQUESTS.name(),
                Topics.NOTIFICATION_REQUESTS.keySerde().deserializer(), Topics.NOTIFICATION_REQUESTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void theFirstChangeGoesOutAtOnceAndTheNextOnesTogetherOneIntervalLater() {
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        var third = day.token("GEN-003", NORMAL);

        send(first.checkedIn(0));
        assertThat(snapshots.readValuesToList()).singleElement()
                .extracting(snapshot -> snapshot.waiting().size()).isEqualTo(1);

        send(second.checkedIn(1), third.checkedIn(2));
        assertThat(snapshots.readValuesToList()).as("within the interval").isEmpty();

        driver.advanceWallClockTime(INTERVAL);
        List<QueueSnapshot> published = snapshots.readValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-001", 1, 0), tuple("GEN-002", 2, 15), tuple("GEN-003", 3, 30));
        assertThat(published.get(0).version()).as("counts every change").isEqualTo(3);

        driver.advanceWallClockTime(INTERVAL.multipliedBy(3));
        assertThat(snapshots.readValuesToList()).as("nothing new to publish").isEmpty();
    }

    @Test
    void departuresAndCallsOfOneIntervalAllReachTheSnapshotAndThePatients() {
        var seen = day.token("GEN-001", NORMAL);
        var next = day.token("GEN-002", NORMAL);
        var after = day.token("GEN-003", NORMAL);
        send(seen.checkedIn(0));
        driver.advanceWallClockTime(INTERVAL);
        send(next.checkedIn(1), after.checkedIn(2), seen.called(3), seen.started(4));
        driver.advanceWallClockTime(INTERVAL);
        snapshots.readValuesToList();
        notifications.readValuesToList();

        // The doctor finishes one patient, calls the next, and a later one gives up, all within one interval
        send(seen.completed(14), next.called(14), after.cancelled(15));
        assertThat(snapshots.readValuesToList()).isEmpty();
        driver.advanceWallClockTime(INTERVAL);

        QueueSnapshot snapshot = snapshots.readValuesToList().get(0);
        assertThat(snapshot.departed())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status)
                .containsExactlyInAnyOrder(tuple("GEN-001", TokenStatus.COMPLETED), tuple("GEN-003", TokenStatus.CANCELLED));
        assertThat(snapshot.waiting()).extracting(QueuedToken::tokenNumber, QueuedToken::status)
                .containsExactly(tuple("GEN-002", TokenStatus.WAITING));
        assertThat(notifications.readValuesToList())
                .filteredOn(request -> request.type() == NotificationType.CALL_NOW)
                .extracting(NotificationRequest::tokenNumber)
                .containsExactly("GEN-002");
    }

    @Test
    void aPatientCalledAndAlreadyInTheCabinWithinOneIntervalIsNotToldToComeIn() {
        var patient = day.token("GEN-001", NORMAL);
        var other = day.token("GEN-002", NORMAL);
        send(other.checkedIn(0));
        send(patient.checkedIn(0), patient.called(1), patient.started(1));
        driver.advanceWallClockTime(INTERVAL);

        assertThat(snapshots.readValuesToList()).last()
                .extracting(snapshot -> snapshot.current().tokenNumber()).isEqualTo("GEN-001");
        assertThat(notifications.readValuesToList())
                .filteredOn(request -> request.type() == NotificationType.CALL_NOW)
                .isEmpty();
    }

    private void send(TokenEvent... events) {
        for (TokenEvent event : events) {
            tokenEvents.pipeInput(day.key(), event, event.occurredAt());
        }
    }
}
