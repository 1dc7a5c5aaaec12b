package org.opd.eta.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opd.eta.DoctorDay.at;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.eta.DoctorDay;
import org.opd.eta.estimate.EtaEstimator;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.estimate.SeedFormulaEtaEstimator;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Time passing, doctor shifts, what patients are told and what operators are alerted to. */
class QueueOverTimeTest {

    private static final int NORMAL = 1;
    private static final int EMERGENCY = 3;

    @TempDir
    Path stateDir;

    private final DoctorDay day = new DoctorDay(10, 5);
    private TopologyTestDriver driver;
    private TestInputTopic<String, TokenEvent> tokenEvents;
    private TestInputTopic<String, DoctorEvent> doctorEvents;
    private TestOutputTopic<String, QueueSnapshot> snapshots;
    private TestOutputTopic<String, NotificationRequest> notifications;
    private TestOutputTopic<String, OperationsAlert> alerts;

    @AfterEach
    void closeTopology() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void whileAConsultationRunsLongTheNextPatientsEtaIsRecomputedAndNeverShowsZero() {
        start(new LearnedEtaEstimator(), TopologySettings.DEFAULTS);
        var a = day.token("GEN-001", NORMAL);
        var b = day.token("GEN-002", NORMAL);
        send(a.checkedIn(0), a.called(1), a.started(2), b.checkedIn(3));
        QueueSnapshot atCheckIn = lastSnapshot();
        int shownAtCheckIn = atCheckIn.waiting().get(0).etaMinutesP50();

        // When half an hour passes with A still in the cabin (avg 10)
        driver.advanceWallClockTime(Duration.ofMinutes(32));

        // Then a newer snapshot shows B a few minutes more, not "0 min"
        QueueSnapshot later = lastSnapshot();
        assertThat(later.version()).isGreaterThan(atCheckIn.version());
        assertThat(later.asOf()).isEqualTo(at(32));
        assertThat(later.waiting()).singleElement().satisfies(token -> {
            assertThat(token.etaMinutesP50()).isPositive().isLessThan(shownAtCheckIn);
            assertThat(token.etaMinutesP90()).isGreaterThan(token.etaMinutesP50());
        });
    }

    @Test
    void aQueueThatDoesNotChangeIsRepublishedOnlyToKeepTheDoctorsStatusAlive() {
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), TopologySettings.DEFAULTS);
        var a = day.token("GEN-001", NORMAL);
        send(a.checkedIn(0));
        snapshots.readValuesToList();

        // Seed ETAs of an idle doctor do not move with time: nothing new within the refresh period
        driver.advanceWallClockTime(Duration.ofSeconds(90));
        assertThat(snapshots.isEmpty()).isTrue();

        // After it, one snapshot refreshes the status in Redis
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        List<QueueSnapshot> refreshed = snapshots.readValuesToList();
        assertThat(refreshed).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.version()).isEqualTo(2);
            assertThat(snapshot.doctorStatus()).isEqualTo(DoctorStatus.AVAILABLE);
        });
    }

    @Test
    void aDoctorWhoIsDueLaterIsWaitedForAndALateOneIsAlertedUntilTheyStart() {
        start(new LearnedEtaEstimator(), TopologySettings.DEFAULTS);
        var a = day.token("GEN-001", NORMAL);
        sendShift(day.shiftScheduled(0, 20, 240));
        send(a.checkedIn(1));

        // The doctor is not in yet: offline, and the ETA waits for the shift start
        QueueSnapshot early = lastSnapshot();
        assertThat(early.doctorStatus()).isEqualTo(DoctorStatus.OFFLINE);
        assertThat(early.waiting().get(0).etaMinutesP50()).isGreaterThanOrEqualTo(19);

        // When the shift start is 10+ minutes past without a start: DOCTOR_LATE
        driver.advanceWallClockTime(Duration.ofMinutes(31));
        assertThat(alerts.readValuesToList())
                .extracting(OperationsAlert::type, OperationsAlert::entityId, OperationsAlert::resolved)
                .containsExactly(tuple(AlertType.DOCTOR_LATE, day.doctorId, false));

        // When the doctor starts: resolved, and the doctor is available
        sendShift(day.shiftStarted(33));
        assertThat(alerts.readKeyValuesToList())
                .extracting(record -> record.key, record -> record.value.resolved())
                .containsExactly(tuple("DOCTOR_LATE:" + day.doctorId, true));
        assertThat(lastSnapshot().doctorStatus()).isEqualTo(DoctorStatus.AVAILABLE);
    }

    @Test
    void aPatientArrivingDuringABreakWaitsAtLeastUntilItEnds() {
        start(new LearnedEtaEstimator(), TopologySettings.DEFAULTS);
        var a = day.token("GEN-001", NORMAL);
        sendShift(day.shiftScheduled(0, 0, 240), day.shiftStarted(0), day.breakStarted(5, 30));
        send(a.checkedIn(6));

        QueueSnapshot onBreak = lastSnapshot();
        assertThat(onBreak.doctorStatus()).isEqualTo(DoctorStatus.OFFLINE);
        assertThat(onBreak.waiting().get(0).etaMinutesP50()).isGreaterThanOrEqualTo(24);

        sendShift(day.breakEnded(20));
        assertThat(lastSnapshot().waiting().get(0).etaMinutesP50()).isLessThan(10);
    }

    @Test
    void patientsAreToldOnceWhenTheyAreThreeFromTheFrontAndWhenTheyAreCalled() {
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), TopologySettings.DEFAULTS);
        var tokens = List.of(day.token("GEN-001", NORMAL), day.token("GEN-002", NORMAL), day.token("GEN-003", NORMAL),
                day.token("GEN-004", NORMAL), day.token("GEN-005", NORMAL));
        for (int i = 0; i < tokens.size(); i++) {
            send(tokens.get(i).checkedIn(i));
        }
        assertThat(notifications.readValuesToList())
                .extracting(NotificationRequest::type, NotificationRequest::tokenNumber, NotificationRequest::queuePosition)
                .containsExactly(
                        tuple(NotificationType.T_MINUS_3, "GEN-001", 1),
                        tuple(NotificationType.T_MINUS_3, "GEN-002", 2),
                        tuple(NotificationType.T_MINUS_3, "GEN-003", 3));

        // When the first is called in: CALL_NOW for it, and GEN-004 is now third
        send(tokens.get(0).called(6));
        List<NotificationRequest> afterCall = notifications.readValuesToList();
        assertThat(afterCall)
                .extracting(NotificationRequest::type, NotificationRequest::tokenNumber)
                .containsExactlyInAnyOrder(tuple(NotificationType.CALL_NOW, "GEN-001"));
        send(tokens.get(0).started(7));
        assertThat(notifications.readValuesToList())
                .extracting(NotificationRequest::type, NotificationRequest::tokenNumber, NotificationRequest::queuePosition)
                .containsExactly(tuple(NotificationType.T_MINUS_3, "GEN-004", 3));
        assertThat(afterCall.get(0)).satisfies(request -> {
            assertThat(request.patientId()).isNotNull();
            assertThat(request.doctorId()).isEqualTo(day.doctorId);
        });

        // Nothing is repeated when the line moves again
        send(tokens.get(0).completed(15));
        assertThat(notifications.readValuesToList()).isEmpty();
    }

    @Test
    void aWaitingPatientIsToldOnceWhenEmergenciesPushTheirEtaBackByMoreThanTheThreshold() {
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), TopologySettings.DEFAULTS);
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        send(first.checkedIn(0), second.checkedIn(1));
        notifications.readValuesToList();

        // One emergency: GEN-001 was told "now" at 09:00 and now starts at 09:17; GEN-002 was told
        // 09:16 and now starts at 09:32 (seed: 15 min per token ahead)
        send(day.token("GEN-003", EMERGENCY).checkedIn(2));
        assertThat(notifications.readValuesToList())
                .filteredOn(request -> request.type() == NotificationType.DOCTOR_DELAYED)
                .extracting(NotificationRequest::tokenNumber, NotificationRequest::delayMinutes)
                .containsExactlyInAnyOrder(tuple("GEN-001", 17), tuple("GEN-002", 16));

        // A further small change is no new slip
        send(first.queued(3));
        assertThat(notifications.readValuesToList())
                .filteredOn(request -> request.type() == NotificationType.DOCTOR_DELAYED).isEmpty();
    }

    @Test
    void aTokenWaitingPastTheP90ShownAtCheckInRaisesLongWaitUntilItIsSeen() {
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), TopologySettings.DEFAULTS);
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        send(first.checkedIn(0), first.called(0), first.started(0), second.checkedIn(0));
        // Seed P90 for GEN-002 at check-in: 1.5 × 10 = 15 minutes
        assertThat(lastSnapshot().waiting().get(0).etaMinutesP90()).isEqualTo(15);

        driver.advanceWallClockTime(Duration.ofMinutes(16));
        assertThat(alerts.readKeyValuesToList())
                .extracting(record -> record.key, record -> record.value.type(), record -> record.value.resolved())
                .containsExactly(tuple("LONG_WAIT:" + second.tokenId, AlertType.LONG_WAIT, false));

        send(first.completed(17), second.called(17), second.started(18));
        assertThat(alerts.readValuesToList())
                .extracting(OperationsAlert::type, OperationsAlert::entityId, OperationsAlert::resolved)
                .containsExactly(tuple(AlertType.LONG_WAIT, second.tokenId, true));
    }

    @Test
    void aPatientShownNowAtAFreeDoctorIsNoLongWaitBeforeTheDelayThreshold() {
        start(new LearnedEtaEstimator(), TopologySettings.DEFAULTS);
        var first = day.token("GEN-001", NORMAL);
        sendShift(day.shiftScheduled(0, 0, 240), day.shiftStarted(0));
        send(first.checkedIn(1));
        assertThat(lastSnapshot().waiting().get(0).etaMinutesP50()).isZero();

        // A few minutes on the way to the cabin: not yet a long wait (the P90 shown was 0)
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        assertThat(alerts.readValuesToList()).filteredOn(alert -> alert.type() == AlertType.LONG_WAIT).isEmpty();

        // Past the delay threshold (10 min), still not called: it is
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        assertThat(alerts.readValuesToList()).extracting(OperationsAlert::type, OperationsAlert::entityId)
                .contains(tuple(AlertType.LONG_WAIT, first.tokenId));
    }

    @Test
    void aDoctorOnShiftWithPatientsWaitingAndNoConsultationIsIdleUntilTheNextStarts() {
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), TopologySettings.DEFAULTS);
        var a = day.token("GEN-001", NORMAL);
        sendShift(day.shiftScheduled(0, 0, 240), day.shiftStarted(0));
        send(a.checkedIn(1));

        driver.advanceWallClockTime(Duration.ofMinutes(9));
        assertThat(alertsOf(AlertType.DOCTOR_IDLE)).isEmpty();
        driver.advanceWallClockTime(Duration.ofMinutes(3));
        assertThat(alertsOf(AlertType.DOCTOR_IDLE))
                .extracting(OperationsAlert::entityId, OperationsAlert::resolved)
                .containsExactly(tuple(day.doctorId, false));

        send(a.called(13), a.started(14));
        assertThat(alertsOf(AlertType.DOCTOR_IDLE))
                .extracting(OperationsAlert::entityId, OperationsAlert::resolved)
                .containsExactly(tuple(day.doctorId, true));
    }

    @Test
    void aDepartmentWithTooManyInLineAcrossItsDoctorsIsABottleneckUntilTheLineShrinks() {
        TopologySettings threeInLine = new TopologySettings(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                3, Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO);
        start(SeedFormulaEtaEstimator.withoutDoubleCount(), threeInLine);
        var colleague = new DoctorDay(day.deptId, 10, 5);
        var a = day.token("GEN-001", NORMAL);
        var b = day.token("GEN-002", NORMAL);
        var c = colleague.token("GEN-003", NORMAL);

        send(a.checkedIn(0), b.checkedIn(1));
        assertThat(alertsOf(AlertType.BOTTLENECK)).isEmpty();
        tokenEvents.pipeInput(colleague.key(), c.checkedIn(2), at(2));
        assertThat(alertsOf(AlertType.BOTTLENECK))
                .extracting(OperationsAlert::key, OperationsAlert::resolved, alert -> alert.metadata().get("tokensInLine"))
                .containsExactly(tuple("BOTTLENECK:" + day.deptId, false, 3));

        send(a.cancelled(3));
        assertThat(alertsOf(AlertType.BOTTLENECK))
                .extracting(OperationsAlert::entityId, OperationsAlert::resolved)
                .containsExactly(tuple(day.deptId, true));
    }

    private void start(EtaEstimator estimator, TopologySettings settings) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-over-time-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Every event published at once: these tests are about time passing, not about coalescing.
        driver = new TopologyTestDriver(new QueueTopology(estimator, settings.withPublishInterval(Duration.ZERO),
                new SimpleMeterRegistry()).build(), config,
                DoctorDay.NINE);
        tokenEvents = driver.createInputTopic(Topics.TOKEN_EVENTS.name(),
                Topics.TOKEN_EVENTS.keySerde().serializer(), Topics.TOKEN_EVENTS.valueSerde().serializer());
        doctorEvents = driver.createInputTopic(Topics.DOCTOR_EVENTS.name(),
                Topics.DOCTOR_EVENTS.keySerde().serializer(), Topics.DOCTOR_EVENTS.valueSerde().serializer());
        snapshots = driver.createOutputTopic(Topics.QUEUE_SNAPSHOTS.name(),
                Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
        notifications = driver.createOutputTopic(Topics.NOTIFICATION_REQUESTS.name(),
                Topics.NOTIFICATION_REQUESTS.keySerde().deserializer(), Topics.NOTIFICATION_REQUESTS.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
    }

    private void send(TokenEvent... events) {
        for (TokenEvent event : events) {
            tokenEvents.pipeInput(day.key(), event, event.occurredAt());
        }
    }

    private void sendShift(DoctorEvent... events) {
        for (DoctorEvent event : events) {
            doctorEvents.pipeInput(day.key(), event, event.occurredAt());
        }
    }

    private List<OperationsAlert> alertsOf(AlertType type) {
        return alerts.readValuesToList().stream().filter(alert -> alert.type() == type).toList();
    }

    private QueueSnapshot lastSnapshot() {
        List<QueueSnapshot> published = snapshots.readValuesToList();
        assertThat(published).as("published snapshots").isNotEmpty();
        return published.get(published.size() - 1);
    }
}
