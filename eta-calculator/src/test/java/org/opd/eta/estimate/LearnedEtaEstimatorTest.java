package org.opd.eta.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LearnedEtaEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final LearnedEtaEstimator estimator = new LearnedEtaEstimator();

    @Test
    void withoutHistoryItFollowsTheConfiguredAverageAndBufferAndTheP90IsAbove() {
        // Given avg 10, buffer 5, three normal tokens and an idle doctor
        List<Eta> etas = estimator.estimate(situation(line(3), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY));

        // Then the first is called at once and each token ahead adds about one consultation plus one gap
        assertThat(etas).hasSize(3);
        assertThat(etas.get(0).p50Minutes()).isZero();
        assertThat(etas.get(1).p50Minutes()).isBetween(17, 25);
        assertThat(etas.get(2).p50Minutes()).isBetween(31, 41);
        assertThat(etas.subList(1, 3)).allSatisfy(eta -> assertThat(eta.p90Minutes()).isGreaterThan(eta.p50Minutes()));
    }

    @Test
    void theSameQueueAlwaysGetsTheSameEstimates() {
        QueueSituation situation = situation(line(5), NOW.minus(Duration.ofMinutes(3)), ShiftState.UNKNOWN, DoctorHistory.EMPTY);

        assertThat(estimator.estimate(situation)).isEqualTo(estimator.estimate(situation));
    }

    @Test
    void learnsThatADoctorIsFasterThanConfigured() {
        // Given a doctor configured at 10 min whose last 30 consultations took about 5
        DoctorHistory fast = consultations(30, 5 * 60);

        int learned = estimator.estimate(situation(line(5), null, ShiftState.UNKNOWN, fast)).get(4).p50Minutes();
        int prior = estimator.estimate(situation(line(5), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(4).p50Minutes();

        // Then the fifth token's ETA comes from about four 5-minute consultations, not 10-minute ones
        assertThat(learned).isLessThan(prior - 12);
    }

    @Test
    void aFewExtremeConsultationsDoNotMoveTheEstimateMuch() {
        DoctorHistory typical = consultations(30, 6 * 60);
        DoctorHistory withOutliers = typical.withConsultation(Duration.ofMinutes(120)).withConsultation(Duration.ofMinutes(90));

        int clean = estimator.estimate(situation(line(6), null, ShiftState.UNKNOWN, typical)).get(5).p50Minutes();
        int noisy = estimator.estimate(situation(line(6), null, ShiftState.UNKNOWN, withOutliers)).get(5).p50Minutes();

        assertThat(noisy).isBetween(clean - 2, clean + 2);
    }

    @Test
    void aDoctorWhoHasNotStartedYetIsWaitedFor() {
        ShiftState dueInHalfAnHour = new ShiftState(NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(4)),
                null, null, null, false, false, List.of(), null);

        Eta first = estimator.estimate(situation(line(2), null, dueInHalfAnHour, DoctorHistory.EMPTY)).get(0);

        assertThat(first.p50Minutes()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aDoctorAlreadyLateIsExpectedSoonButNotNow() {
        ShiftState late = new ShiftState(NOW.minus(Duration.ofMinutes(20)), NOW.plus(Duration.ofHours(4)),
                null, null, null, false, false, List.of(), null);

        Eta first = estimator.estimate(situation(line(1), null, late, DoctorHistory.EMPTY)).get(0);
        Eta onTime = estimator.estimate(situation(line(1), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(0);

        assertThat(first.p50Minutes()).isGreaterThan(onTime.p50Minutes() + 3);
        assertThat(first.p90Minutes()).isGreaterThan(onTime.p90Minutes() + 15);
    }

    @Test
    void aDoctorOnABreakIsBackWhenTheBreakEnds() {
        ShiftState onBreak = new ShiftState(NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(2)), null, NOW.plus(Duration.ofMinutes(20)), true, false, List.of(), NOW.minus(Duration.ofMinutes(5)));

        Eta first = estimator.estimate(situation(line(1), null, onBreak, DoctorHistory.EMPTY)).get(0);

        assertThat(first.p50Minutes()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aConsultationRunningLongStillLeavesSomeTimeInsteadOfZero() {
        // Given a consultation 25 minutes into a 10-minute average
        Eta next = estimator.estimate(situation(line(1), NOW.minus(Duration.ofMinutes(25)), ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(0);

        assertThat(next.p50Minutes()).isGreaterThanOrEqualTo(5);
        assertThat(next.p90Minutes()).isGreaterThan(next.p50Minutes());
    }

    @Test
    void frequentEmergenciesDelayNormalTokensButNotEmergencies() {
        // Given a doctor who saw eight emergencies in the last two hours
        DoctorHistory busy = DoctorHistory.EMPTY.withCheckIn(NOW.minus(Duration.ofHours(2)), 1, false);
        for (int i = 0; i < 8; i++) {
            busy = busy.withCheckIn(NOW.minus(Duration.ofMinutes(110 - 13L * i)), 3, false);
        }
        List<QueueSituation.LineToken> normals = line(6);
        List<QueueSituation.LineToken> emergencies = Collections.nCopies(6, new QueueSituation.LineToken(3, null));

        int quiet = estimator.estimate(situation(normals, null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(5).p50Minutes();
        int loud = estimator.estimate(situation(normals, null, ShiftState.UNKNOWN, busy)).get(5).p50Minutes();
        int emergencyQuiet = estimator.estimate(situation(emergencies, null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(5).p50Minutes();
        int emergencyLoud = estimator.estimate(situation(emergencies, null, ShiftState.UNKNOWN, busy)).get(5).p50Minutes();

        assertThat(loud).isGreaterThan(quiet + 10);
        // (the draws differ, so the figures do by a little)
        assertThat(emergencyLoud).isBetween(emergencyQuiet - 3, emergencyQuiet + 3);
    }

    @Test
    void anEmergencyArrivingWhileAnEarlierOneHoldsATokenBackGoesAheadToo() {
        // Given booked patients who reliably come, and a normal token second in line (start in about 20 min)
        DoctorHistory reliable = DoctorHistory.EMPTY;
        for (int i = 0; i < 40; i++) {
            reliable = reliable.withCheckIn(NOW.minus(Duration.ofHours(5)), 1, true);
        }
        var early = new QueueSituation.BookedToken(3, NOW.plus(Duration.ofMinutes(5)));
        // due after the token would have started, but before it does once the first emergency went ahead
        var later = new QueueSituation.BookedToken(3, NOW.plus(Duration.ofMinutes(28)));

        int withEarly = estimator.estimate(situation(line(2), null, List.of(early), ShiftState.UNKNOWN, reliable)).get(1).p50Minutes();
        int withBoth = estimator.estimate(situation(line(2), null, List.of(early, later), ShiftState.UNKNOWN, reliable)).get(1).p50Minutes();

        // Then the later emergency pushes the token back by about one more consultation and gap
        assertThat(withBoth).isGreaterThan(withEarly + 8);
    }

    @Test
    void bookedEmergenciesCountLessWhenBookedPatientsOftenDoNotCome() {
        List<QueueSituation.BookedToken> booked = List.of(new QueueSituation.BookedToken(3, NOW), new QueueSituation.BookedToken(3, NOW));
        DoctorHistory reliable = DoctorHistory.EMPTY;
        DoctorHistory flaky = DoctorHistory.EMPTY;
        for (int i = 0; i < 40; i++) {
            flaky = flaky.withBookedNoShow();
            reliable = reliable.withCheckIn(NOW.minus(Duration.ofHours(5)), 1, true);
        }

        int withReliable = estimator.estimate(situation(line(3), null, booked, ShiftState.UNKNOWN, reliable)).get(2).p50Minutes();
        int withFlaky = estimator.estimate(situation(line(3), null, booked, ShiftState.UNKNOWN, flaky)).get(2).p50Minutes();

        assertThat(withFlaky).isLessThan(withReliable - 8);
    }

    @Test
    void emergenciesOfPastMorningsAreExpectedFromTheStartOfTheNextOne() {
        // Given five past mornings with an emergency every half hour among the walk-ins, then this morning's first check-in now
        DoctorHistory pastMornings = DoctorHistory.EMPTY;
        for (int day = 5; day >= 1; day--) {
            Instant morning = NOW.minus(Duration.ofDays(day));
            for (int minute = 0; minute <= 180; minute += 10) {
                pastMornings = pastMornings.withCheckIn(morning.plus(Duration.ofMinutes(minute)), minute % 30 == 0 ? 3 : 1, false);
            }
        }
        DoctorHistory thisMorning = pastMornings.withCheckIn(NOW, 1, false);
        DoctorHistory firstMorning = DoctorHistory.EMPTY.withCheckIn(NOW, 1, false);

        int expectingEmergencies = estimator.estimate(situation(line(6), null, ShiftState.UNKNOWN, thisMorning)).get(5).p50Minutes();
        int usual = estimator.estimate(situation(line(6), null, ShiftState.UNKNOWN, firstMorning)).get(5).p50Minutes();

        // Then the sixth token expects several emergencies to go ahead; the nights between do not dilute the rate
        assertThat(expectingEmergencies).isGreaterThan(usual + 15);
    }

    @Test
    void tokensAheadWhoOftenWalkOutShortenTheWait() {
        DoctorHistory walkouts = DoctorHistory.EMPTY;
        for (int i = 0; i < 30; i++) {
            walkouts = walkouts.withLineWalkout().withLineStart();
        }

        int usual = estimator.estimate(situation(line(8), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(7).p50Minutes();
        int leaky = estimator.estimate(situation(line(8), null, ShiftState.UNKNOWN, walkouts)).get(7).p50Minutes();

        assertThat(leaky).isLessThan(usual - 15);
    }

    @Test
    void aCalledPatientOnTheWayInGoesInAlmostAtOnce() {
        List<QueueSituation.LineToken> called = List.of(new QueueSituation.LineToken(1, NOW.minus(Duration.ofMinutes(1))));

        Eta eta = estimator.estimate(situation(called, null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(0);

        assertThat(eta.p50Minutes()).isLessThanOrEqualTo(4);
    }

    @Test
    void anEmptyLineHasNoEstimates() {
        assertThat(estimator.estimate(situation(List.of(), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY))).isEmpty();
    }

    private static QueueSituation situation(List<QueueSituation.LineToken> line, Instant consultationStartedAt, ShiftState shift,
            DoctorHistory history) {
        return situation(line, consultationStartedAt, List.of(), shift, history);
    }

    private static QueueSituation situation(List<QueueSituation.LineToken> line, Instant consultationStartedAt,
            List<QueueSituation.BookedToken> booked, ShiftState shift, DoctorHistory history) {
        return new QueueSituation(NOW, consultationStartedAt, 10, 5, line, booked, shift, history);
    }

    private static List<QueueSituation.LineToken> line(int tokens) {
        return new ArrayList<>(Collections.nCopies(tokens, new QueueSituation.LineToken(1, null)));
    }

    private static DoctorHistory consultations(int count, int seconds) {
        DoctorHistory history = DoctorHistory.EMPTY;
        for (int i = 0; i < count; i++) {
            // A little spread around the typical length, as real consultations have.
            history = history.withConsultation(Duration.ofSeconds(seconds + (i % 5 - 2) * 30L));
        }
        return history;
    }
}
