package org.opd.eta.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opd.eta.DoctorDay.at;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

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
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class QueueTopologyTest {

    private static final int NORMAL = 1;
    private static final int SENIOR = 2;
    private static final int EMERGENCY = 3;

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // Average consultation 10 min, department buffer 5 min.
    private final DoctorDay day = new DoctorDay(10, 5);
    private TopologyTestDriver driver;
    private TestInputTopic<String, TokenEvent> tokenEvents;
    private TestOutputTopic<String, QueueSnapshot> snapshots;
    private TestOutputTopic<String, EtaChange> etaChanges;

    @BeforeEach
    void startTopology() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(new QueueTopology(SeedFormulaEtaEstimator.withoutDoubleCount(),
                TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO), meters).build(), config);
        tokenEvents = driver.createInputTopic(Topics.TOKEN_EVENTS.name(),
                Topics.TOKEN_EVENTS.keySerde().serializer(), Topics.TOKEN_EVENTS.valueSerde().serializer());
        snapshots = driver.createOutputTopic(Topics.QUEUE_SNAPSHOTS.name(),
                Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
        etaChanges = driver.createOutputTopic(Topics.ETA_CHANGES.name(),
                Topics.ETA_CHANGES.keySerde().deserializer(), Topics.ETA_CHANGES.valueSerde().deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void ordersTheLineByPriorityThenCheckInTime() {
        // Given four patients checking in over ten minutes with different priorities
        var normalEarly = day.token("GEN-001", NORMAL);
        var normalLate = day.token("GEN-002", NORMAL);
        var senior = day.token("GEN-003", SENIOR);
        var emergency = day.token("GEN-004", EMERGENCY);

        // When
        send(normalEarly.checkedIn(0), senior.checkedIn(5), normalLate.checkedIn(2), emergency.checkedIn(10));

        // Then emergency, senior, then the normal ones in arrival order
        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position)
                .containsExactly(tuple("GEN-004", 1), tuple("GEN-003", 2), tuple("GEN-001", 3), tuple("GEN-002", 4));
    }

    @Test
    void anEmergencyGoesAheadOfNormalTokensAlreadyWaitingAndPushesTheirEtasBack() {
        // Given two normal tokens waiting
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        send(first.checkedIn(0), first.queued(1), second.checkedIn(2), second.queued(3));
        assertThat(lastSnapshot().waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-001", 0), tuple("GEN-002", 15));

        // When an emergency checks in
        var emergency = day.token("GEN-003", EMERGENCY);
        send(emergency.checkedIn(4));

        // Then it is first and the others are one consultation plus buffer later
        assertThat(lastSnapshot().waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50, QueuedToken::etaMinutesP90)
                .containsExactly(
                        tuple("GEN-003", 1, 0, 0),
                        tuple("GEN-001", 2, 15, 20),
                        tuple("GEN-002", 3, 30, 40));
    }

    @Test
    void publishesAnEtaChangeForEveryTokenWhoseEtaOrPositionMovesAndNoneForTheOthers() {
        // Given two patients checking in: each one's ETA is told once, the second changes nothing for the first
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        send(first.checkedIn(0), second.checkedIn(2));
        assertThat(etaChanges.readValuesToList())
                .extracting(EtaChange::tokenNumber, EtaChange::position, EtaChange::etaMinutesP50, EtaChange::previousPosition,
                        EtaChange::previousEtaMinutesP50)
                .containsExactly(tuple("GEN-001", 1, 0, null, null), tuple("GEN-002", 2, 15, null, null));

        // When an emergency checks in
        var emergency = day.token("GEN-003", EMERGENCY);
        send(emergency.checkedIn(4));

        // Then it joins first, and both others move back one place and one consultation plus buffer
        List<EtaChange> changes = etaChanges.readValuesToList();
        assertThat(changes)
                .extracting(EtaChange::tokenNumber, EtaChange::position, EtaChange::etaMinutesP50, EtaChange::previousPosition,
                        EtaChange::previousEtaMinutesP50)
                .containsExactly(tuple("GEN-003", 1, 0, null, null), tuple("GEN-001", 2, 15, 1, 0), tuple("GEN-002", 3, 30, 2, 15));
        assertThat(changes).extracting(EtaChange::queueVersion).containsOnly(lastSnapshot().version());
        assertThat(changes).extracting(EtaChange::doctorId).containsOnly(day.doctorId);
    }

    @Test
    void anEmergencyArrivingAfterACallDoesNotOvertakeThePatientAlreadyCalledIn() {
        var called = day.token("GEN-001", NORMAL);
        send(called.checkedIn(0), called.queued(1), called.called(5));

        var emergency = day.token("GEN-002", EMERGENCY);
        send(emergency.checkedIn(6));

        assertThat(lastSnapshot().waiting()).extracting(QueuedToken::tokenNumber).containsExactly("GEN-001", "GEN-002");
    }

    @Test
    void positionsEtasAndDoctorStatusFollowTheLineThroughCheckInCallStartAndComplete() {
        var a = day.token("GEN-001", NORMAL);
        var b = day.token("GEN-002", NORMAL);
        var c = day.token("GEN-003", NORMAL);

        // Check-in: nobody in the cabin, the doctor is available
        send(a.issued(0), b.issued(0), a.checkedIn(1), a.queued(2), b.checkedIn(3), b.queued(4));
        QueueSnapshot waiting = lastSnapshot();
        assertThat(waiting.doctorStatus()).isEqualTo(DoctorStatus.AVAILABLE);
        assertThat(waiting.current()).isNull();
        assertThat(waiting.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status, QueuedToken::position,
                        QueuedToken::etaMinutesP50, QueuedToken::etaMinutesP90)
                .containsExactly(
                        tuple("GEN-001", TokenStatus.WAITING, 1, 0, 0),
                        tuple("GEN-002", TokenStatus.WAITING, 2, 15, 20));

        // Call: A is on the way in, still first in line
        send(a.called(5));
        assertThat(lastSnapshot().waiting()).first()
                .satisfies(token -> {
                    assertThat(token.tokenNumber()).isEqualTo("GEN-001");
                    assertThat(token.position()).isEqualTo(1);
                    assertThat(token.calledTime()).isEqualTo(at(5));
                });

        // Start: A is in the cabin, the doctor busy, B next with A's full average ahead of it
        send(a.started(6));
        QueueSnapshot consulting = lastSnapshot();
        assertThat(consulting.doctorStatus()).isEqualTo(DoctorStatus.BUSY);
        assertThat(consulting.current().tokenId()).isEqualTo(a.tokenId);
        assertThat(consulting.current().position()).isNull();
        assertThat(consulting.current().consultationStartTime()).isEqualTo(at(6));
        assertThat(consulting.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50, QueuedToken::etaMinutesP90)
                .containsExactly(tuple("GEN-002", 1, 10, 15));

        // Four minutes into A's consultation C checks in: ETAs count from that moment
        send(c.checkedIn(10));
        assertThat(lastSnapshot().waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::etaMinutesP50, QueuedToken::etaMinutesP90)
                .containsExactly(tuple("GEN-002", 6, 11), tuple("GEN-003", 21, 31));

        // Complete: A leaves once, through departed; the doctor is available again
        send(a.completed(18));
        QueueSnapshot completed = lastSnapshot();
        assertThat(completed.doctorStatus()).isEqualTo(DoctorStatus.AVAILABLE);
        assertThat(completed.current()).isNull();
        assertThat(completed.departed())
                .extracting(QueuedToken::tokenId, QueuedToken::status, QueuedToken::position)
                .containsExactly(tuple(a.tokenId, TokenStatus.COMPLETED, null));
        assertThat(completed.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-002", 1, 0), tuple("GEN-003", 2, 15));

        send(b.called(19));
        assertThat(lastSnapshot().departed()).isEmpty();
    }

    @Test
    void bookedTokensAreListedButNotInLine() {
        var booked = day.token("GEN-001", NORMAL);
        var arrived = day.token("GEN-002", NORMAL);

        send(booked.issued(0), arrived.issued(0), arrived.checkedIn(1));

        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.booked())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-001", TokenStatus.BOOKED, null, null));
        assertThat(snapshot.waiting()).extracting(QueuedToken::tokenNumber, QueuedToken::position)
                .containsExactly(tuple("GEN-002", 1));
    }

    @Test
    void aNoShowLeavesTheLineAndTheTokensBehindMoveUp() {
        var a = day.token("GEN-001", NORMAL);
        var b = day.token("GEN-002", NORMAL);
        var c = day.token("GEN-003", NORMAL);
        send(a.checkedIn(0), b.checkedIn(1), c.checkedIn(2));

        send(b.noShow(20));

        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-001", 1, 0), tuple("GEN-003", 2, 15));
        assertThat(snapshot.departed())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status)
                .containsExactly(tuple("GEN-002", TokenStatus.NO_SHOW));
    }

    @Test
    void aCancelledBookingDisappearsFromTheBookedList() {
        var kept = day.token("GEN-001", NORMAL);
        var cancelled = day.token("GEN-002", NORMAL);
        send(kept.issued(0), cancelled.issued(1));

        send(cancelled.cancelled(2));

        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.booked()).extracting(QueuedToken::tokenNumber).containsExactly("GEN-001");
        assertThat(snapshot.departed())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status)
                .containsExactly(tuple("GEN-002", TokenStatus.CANCELLED));
    }

    @Test
    void aRedeliveredEventChangesNothingAndPublishesNothing() {
        var a = day.token("GEN-001", NORMAL);
        TokenEvent checkIn = a.checkedIn(0);
        send(a.issued(0), checkIn);
        snapshots.readValuesToList();

        // When the same event arrives again (at-least-once upstream)
        send(checkIn);

        // Then no snapshot follows, and the next real change continues the version sequence
        assertThat(snapshots.isEmpty()).isTrue();
        send(a.queued(1));
        assertThat(lastSnapshot().version()).isEqualTo(3);
        assertThat(meters.counter("opd.eta.events.ignored", "reason", "duplicate").count()).isEqualTo(1);
    }

    @Test
    void anEventOlderThanWhatTheQueueReflectsIsIgnored() {
        var a = day.token("GEN-001", NORMAL);
        TokenEvent lateCheckIn = a.checkedIn(1);
        TokenEvent queued = a.queued(2);

        // When the queue event overtakes the check-in event
        send(queued, lateCheckIn);

        // Then the token stays WAITING: only one snapshot was published
        List<QueueSnapshot> published = snapshots.readValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).waiting()).extracting(QueuedToken::status).containsExactly(TokenStatus.WAITING);
    }

    @Test
    void aLateEventOfADepartedTokenDoesNotBringItBack() {
        var a = day.token("GEN-001", NORMAL);
        send(a.checkedIn(0));
        TokenEvent queued = a.queued(1);
        send(a.cancelled(2));
        snapshots.readValuesToList();

        send(queued);

        assertThat(snapshots.isEmpty()).isTrue();
    }

    @Test
    void everySnapshotIsKeyedByDoctorAndCarriesTheNextVersion() {
        var a = day.token("GEN-001", NORMAL);
        send(a.issued(0), a.checkedIn(1), a.queued(2));

        var records = snapshots.readKeyValuesToList();
        assertThat(records).extracting(record -> record.key).containsOnly(day.key());
        assertThat(records).extracting(record -> record.value.version()).containsExactly(1L, 2L, 3L);
        assertThat(records.get(2).value)
                .satisfies(snapshot -> {
                    assertThat(snapshot.doctorId()).isEqualTo(day.doctorId);
                    assertThat(snapshot.deptId()).isEqualTo(day.deptId);
                    assertThat(snapshot.hospitalId()).isEqualTo(day.hospitalId);
                    assertThat(snapshot.asOf()).isEqualTo(at(2));
                });
        assertThat(meters.counter("opd.eta.snapshots.published").count()).isEqualTo(3);
    }

    @Test
    void doctorsHaveSeparateQueues() {
        var other = new DoctorDay(day.deptId, 20, 5);
        send(day.token("GEN-001", NORMAL).checkedIn(0));
        tokenEvents.pipeInput(other.key(), other.token("GEN-002", NORMAL).checkedIn(1));

        var records = snapshots.readKeyValuesToList();
        assertThat(records).extracting(record -> record.key, record -> record.value.version(), record -> record.value.waiting().size())
                .containsExactly(tuple(day.key(), 1L, 1), tuple(other.key(), 1L, 1));
    }

    @Test
    void aReassignedTokenLeavesTheOldDoctorsLineAndJoinsTheNewDoctorsInItsCheckInPlace() {
        var other = new DoctorDay(day.deptId, 20, 5);
        var a = day.token("GEN-001", NORMAL);
        var moved = day.token("GEN-002", NORMAL);
        TokenEvent checkedIn = moved.checkedIn(1);
        send(a.checkedIn(0), checkedIn);
        tokenEvents.pipeInput(other.key(), other.token("GEN-003", NORMAL).checkedIn(5));
        snapshots.readValuesToList();

        send(reassigned(checkedIn, TokenEventType.TOKEN_REASSIGNED_AWAY, day.doctorId, other.doctorId));
        tokenEvents.pipeInput(other.key(), reassigned(checkedIn, TokenEventType.TOKEN_REASSIGNED, day.doctorId, other.doctorId));

        var records = snapshots.readKeyValuesToList();
        assertThat(records).extracting(record -> record.key).containsExactly(day.key(), other.key());
        QueueSnapshot left = records.get(0).value;
        assertThat(left.waiting()).extracting(QueuedToken::tokenNumber, QueuedToken::position).containsExactly(tuple("GEN-001", 1));
        assertThat(left.departed()).as("not over, only moved").isEmpty();
        QueueSnapshot joined = records.get(1).value;
        assertThat(joined.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::status, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-002", TokenStatus.CHECKED_IN, 1, 0), tuple("GEN-003", TokenStatus.CHECKED_IN, 2, 25));
    }

    @Test
    void aTokenMovedAwayAndBackIsInLineAgain() {
        var other = new DoctorDay(day.deptId, 20, 5);
        var moved = day.token("GEN-001", NORMAL);
        TokenEvent checkedIn = moved.checkedIn(1);
        send(checkedIn);
        send(reassigned(checkedIn, TokenEventType.TOKEN_REASSIGNED_AWAY, day.doctorId, other.doctorId));

        send(reassigned(checkedIn, TokenEventType.TOKEN_REASSIGNED, other.doctorId, day.doctorId));

        assertThat(lastSnapshot().waiting()).extracting(QueuedToken::tokenNumber).containsExactly("GEN-001");
    }

    @Test
    void anEmergencyArrivingPastItsHeadStartQueuesBehindANormalTokenThatWaitedLonger() {
        // Given a normal token checked in at 9:00 (the default emergency head start is 60 minutes)
        var normal = day.token("GEN-001", NORMAL);
        send(normal.checkedIn(0));

        // When emergencies arrive at 9:30 and at 10:05
        var early = day.token("GEN-002", EMERGENCY);
        var late = day.token("GEN-003", EMERGENCY);
        send(early.checkedIn(30), late.checkedIn(65));

        // Then only the one within the bound goes ahead of it
        assertThat(lastSnapshot().waiting()).extracting(QueuedToken::tokenNumber)
                .containsExactly("GEN-002", "GEN-001", "GEN-003");
    }

    @Test
    void aParkedTokenLeavesTheLineAndItsCallIsUndoneSoTheOthersMoveUp() {
        // Given three waiting, the first called in but not there
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        var third = day.token("GEN-003", NORMAL);
        send(first.checkedIn(0), first.queued(0), second.checkedIn(1), second.queued(1), third.checkedIn(2), third.queued(2),
                first.called(5));

        // When it is parked
        send(first.parked(8));

        // Then the others are first and second, with ETAs one consultation shorter, and it is listed as parked
        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.waiting())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::etaMinutesP50)
                .containsExactly(tuple("GEN-002", 1, 0), tuple("GEN-003", 2, 15));
        assertThat(snapshot.parked())
                .extracting(QueuedToken::tokenNumber, QueuedToken::position, QueuedToken::calledTime)
                .containsExactly(tuple("GEN-001", null, null));
        assertThat(snapshot.departed()).as("parked is not over").isEmpty();
    }

    @Test
    void aRecalledTokenRejoinsAtThePlaceItsEventGivesFrontOrBack() {
        // Given three waiting and the first parked
        var first = day.token("GEN-001", NORMAL);
        var second = day.token("GEN-002", NORMAL);
        var third = day.token("GEN-003", NORMAL);
        send(first.checkedIn(0), second.checkedIn(1), third.checkedIn(2), first.parked(3));

        // When it is recalled to the back, then parked again and recalled to the front
        send(first.recalled(10, at(10)));
        List<String> atTheBack = lastSnapshot().waiting().stream().map(QueuedToken::tokenNumber).toList();
        send(first.parked(11), first.recalled(12, at(1).minusNanos(1_000)));

        // Then it was last, and is now first, out of the parked list
        assertThat(atTheBack).containsExactly("GEN-002", "GEN-003", "GEN-001");
        QueueSnapshot snapshot = lastSnapshot();
        assertThat(snapshot.waiting()).extracting(QueuedToken::tokenNumber, QueuedToken::position)
                .containsExactly(tuple("GEN-001", 1), tuple("GEN-002", 2), tuple("GEN-003", 3));
        assertThat(snapshot.parked()).isEmpty();
    }

    @Test
    void aTransferredTokenLeavesItsLineAndJoinsTheOtherDoctorsAtThePlaceTheTransferGave() {
        // Given a token of this doctor, and an ECG technician's line of two
        var ecg = new DoctorDay(UUID.randomUUID(), 10, 0);
        var sent = day.token("GEN-001", NORMAL);
        TokenEvent checkedIn = sent.checkedIn(20);
        send(checkedIn);
        var ecgFirst = ecg.token("ECG-001", NORMAL);
        var ecgSecond = ecg.token("ECG-002", NORMAL);
        tokenEvents.pipeInput(ecg.key(), ecgFirst.checkedIn(0));
        tokenEvents.pipeInput(ecg.key(), ecgSecond.checkedIn(1));
        snapshots.readValuesToList();

        // When it is transferred to the front of the ECG line
        TokenEvent transferred = transferred(checkedIn, ecg, at(0).minusNanos(1_000));
        send(reassignedAway(transferred, day.doctorId));
        tokenEvents.pipeInput(ecg.key(), transferred);

        // Then this line is empty without a departure, and the ECG line has it first
        var records = snapshots.readKeyValuesToList();
        assertThat(records).extracting(record -> record.key).containsExactly(day.key(), ecg.key());
        assertThat(records.get(0).value.waiting()).isEmpty();
        assertThat(records.get(0).value.departed()).isEmpty();
        assertThat(records.get(1).value.waiting()).extracting(QueuedToken::tokenNumber, QueuedToken::position)
                .containsExactly(tuple("GEN-001", 1), tuple("ECG-001", 2), tuple("ECG-002", 3));
    }

    /** The new doctor's event of a transfer as the orchestrator writes it, at {@code place} in that line. */
    private static TokenEvent transferred(TokenEvent last, DoctorDay to, java.time.Instant place) {
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), TokenEventType.TOKEN_TRANSFERRED,
                last.occurredAt().plusSeconds(60), last.tokenId(), last.tokenNumber(), last.patientId(), to.doctorId, to.deptId,
                last.hospitalId(), null, last.newStatus(), last.newStatus(), last.priority(), last.bookingType(),
                last.scheduledTime(), last.checkInTime(), null, null, null, 10, 0, last.doctorId(), to.doctorId, 0, place, null);
    }

    /** The old doctor's copy of a move to another line. */
    private static TokenEvent reassignedAway(TokenEvent moved, UUID from) {
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), TokenEventType.TOKEN_REASSIGNED_AWAY,
                moved.occurredAt(), moved.tokenId(), moved.tokenNumber(), moved.patientId(), from, moved.deptId(),
                moved.hospitalId(), null, moved.newStatus(), moved.newStatus(), moved.priority(), moved.bookingType(),
                moved.scheduledTime(), moved.checkInTime(), null, null, null, 10, 5, from, moved.toDoctorId(), 0,
                moved.linePlaceAt(), null);
    }

    /** The event of a reassignment as the orchestrator writes it, for the line of {@code type}'s doctor. */
    private static TokenEvent reassigned(TokenEvent last, TokenEventType type, UUID from, UUID to) {
        UUID keyDoctor = type == TokenEventType.TOKEN_REASSIGNED ? to : from;
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), type, last.occurredAt().plusSeconds(600),
                last.tokenId(), last.tokenNumber(), last.patientId(), keyDoctor, last.deptId(), last.hospitalId(), null,
                last.newStatus(), last.newStatus(), last.priority(), last.bookingType(), last.scheduledTime(),
                last.checkInTime(), null, null, null, type == TokenEventType.TOKEN_REASSIGNED ? 20 : 10, 5, from, to, 20);
    }

    private void send(TokenEvent... events) {
        for (TokenEvent event : events) {
            tokenEvents.pipeInput(day.key(), event);
        }
    }

    private QueueSnapshot lastSnapshot() {
        List<QueueSnapshot> published = snapshots.readValuesToList();
        assertThat(published).as("published snapshots").isNotEmpty();
        return published.get(published.size() - 1);
    }
}
