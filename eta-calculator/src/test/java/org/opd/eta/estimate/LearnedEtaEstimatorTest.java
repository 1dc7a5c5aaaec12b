package org.opd.eta.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.schemas.doctor.PlannedBreak;

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
    void bookedSeniorsAndEmergenciesWhoCheckedInDoNotRaiseTheRateExpectedFromWalkIns() {
        // Given a morning whose booked patients came, ten of them emergencies, and the same morning with them all normal
        DoctorHistory bookedEmergencies = DoctorHistory.EMPTY;
        DoctorHistory bookedNormals = DoctorHistory.EMPTY;
        for (int i = 0; i < 10; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(120 - 12L * i));
            bookedEmergencies = bookedEmergencies.withCheckIn(at, 3, true);
            bookedNormals = bookedNormals.withCheckIn(at, 1, true);
        }
        List<QueueSituation.BookedToken> stillToCome = List.of(new QueueSituation.BookedToken(3, NOW.plus(Duration.ofMinutes(10))));

        int afterEmergencies = estimator.estimate(situation(line(6), null, stillToCome, ShiftState.UNKNOWN, bookedEmergencies)).get(5).p50Minutes();
        int afterNormals = estimator.estimate(situation(line(6), null, stillToCome, ShiftState.UNKNOWN, bookedNormals)).get(5).p50Minutes();
        int withoutTheBooking = estimator.estimate(situation(line(6), null, ShiftState.UNKNOWN, bookedNormals)).get(5).p50Minutes();

        // Then the booked emergencies are counted once, as bookings, not again in the rate of walk-in emergencies
        assertThat(afterEmergencies).isEqualTo(afterNormals);
        // and the one still to come goes ahead on its own
        assertThat(afterNormals).isGreaterThan(withoutTheBooking + 8);
    }

    @Test
    void aDoctorAtHalfOrTwiceTheConfiguredAverageIsLearnedWithinEightConsultations() {
        for (int realMinutes : new int[] {5, 20}) {
            // Given a doctor configured at 10 min who really takes realMinutes
            int settled = estimator.estimate(situation(line(5), null, ShiftState.UNKNOWN, consultations(40, realMinutes * 60)))
                    .get(4).p50Minutes();
            int cold = estimator.estimate(situation(line(5), null, ShiftState.UNKNOWN, DoctorHistory.EMPTY)).get(4).p50Minutes();

            // When eight consultations have been seen
            int afterEight = estimator.estimate(situation(line(5), null, ShiftState.UNKNOWN, consultations(8, realMinutes * 60)))
                    .get(4).p50Minutes();

            // Then the fifth token's ETA is within 15 % of what forty consultations give, while the prior alone is far off
            assertThat(Math.abs(afterEight - settled)).as("%d-min doctor: %d vs %d", realMinutes, afterEight, settled)
                    .isLessThanOrEqualTo((int) Math.ceil(0.15 * settled));
            assertThat(Math.abs(cold - settled)).isGreaterThan((int) (0.3 * settled));
        }
    }

    @Test
    void aTokenJoiningAtTheBackLeavesTheEtasOfTheTokensAheadAsTheyWere() {
        // Given a busy doctor with emergencies arriving, a senior booked, and six in line
        DoctorHistory history = consultations(20, 9 * 60);
        for (int i = 0; i < 4; i++) {
            history = history.withCheckIn(NOW.minus(Duration.ofMinutes(100 - 20L * i)), 3, false);
        }
        List<QueueSituation.BookedToken> booked = List.of(new QueueSituation.BookedToken(2, NOW.plus(Duration.ofMinutes(25))));
        List<QueueSituation.LineToken> six = line(6);
        six.set(0, new QueueSituation.LineToken(2, null));
        List<QueueSituation.LineToken> seven = new ArrayList<>(six);
        seven.add(new QueueSituation.LineToken(1, null));

        List<Eta> before = estimator.estimate(situation(six, NOW.minus(Duration.ofMinutes(4)), booked, ShiftState.UNKNOWN, history));
        List<Eta> after = estimator.estimate(situation(seven, NOW.minus(Duration.ofMinutes(4)), booked, ShiftState.UNKNOWN, history));

        // Then only the new token gets an ETA: the Monte Carlo noise does not move everyone else's
        assertThat(after.subList(0, 6)).isEqualTo(before);
    }

    @Test
    void theFirstPatientAtAFreeDoctorIsShownNowAndTheNextAfterThem() {
        ShiftState atWork = new ShiftState(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)),
                NOW.minus(Duration.ofHours(1)), null, null, false, false, List.of(), null);

        List<Eta> free = estimator.estimate(situation(line(2), null, atWork, DoctorHistory.EMPTY));
        Eta notArrived = estimator.estimate(situation(line(1), null,
                new ShiftState(NOW.plus(Duration.ofMinutes(10)), NOW.plus(Duration.ofHours(4)), null, null, null, false, false,
                        List.of(), null), DoctorHistory.EMPTY)).get(0);

        assertThat(free.get(0)).isEqualTo(new Eta(0, 0));
        assertThat(free.get(1).p50Minutes()).isGreaterThanOrEqualTo(10);
        assertThat(notArrived.p50Minutes()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aPlannedBreakAheadDelaysTheTokensAfterItUntilItIsTaken() {
        // Given a free doctor with a 20-minute break planned in 15 minutes
        PlannedBreak planned = new PlannedBreak(NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(35)));
        ShiftState withBreak = new ShiftState(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)),
                NOW.minus(Duration.ofHours(1)), null, null, false, false, List.of(planned), null);
        ShiftState breakTaken = new ShiftState(withBreak.plannedStart(), withBreak.plannedEnd(), withBreak.actualStart(), null, null,
                false, false, List.of(planned), NOW.minus(Duration.ofMinutes(5)));
        ShiftState noBreak = new ShiftState(withBreak.plannedStart(), withBreak.plannedEnd(), withBreak.actualStart(), null, null,
                false, false, List.of(), null);

        List<Eta> planned3 = estimator.estimate(situation(line(3), null, withBreak, DoctorHistory.EMPTY));
        List<Eta> taken3 = estimator.estimate(situation(line(3), null, breakTaken, DoctorHistory.EMPTY));
        List<Eta> usual3 = estimator.estimate(situation(line(3), null, noBreak, DoctorHistory.EMPTY));

        // Then the first goes in before the break, the third (due after 15 minutes) waits for its end and a little more
        assertThat(planned3.get(0)).isEqualTo(usual3.get(0));
        assertThat(planned3.get(2).p50Minutes()).isGreaterThan(usual3.get(2).p50Minutes() + 15);
        assertThat(planned3.get(2).p90Minutes()).isGreaterThan(planned3.get(2).p50Minutes());
        // and a break the doctor began early is not expected a second time
        assertThat(taken3).isEqualTo(usual3);
    }

    @Test
    void noWalkInsAreExpectedAfterTheHourTheyUsuallyStopSoAShiftPlannedLongerChangesNothing() {
        // Given five past mornings with an emergency every half hour until 10:30, and now 10:45 on the next
        DoctorHistory pastMornings = DoctorHistory.EMPTY;
        Instant now = NOW.plus(Duration.ofMinutes(45));
        for (int day = 5; day >= 1; day--) {
            Instant morning = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
            for (int minute = 0; minute <= 150; minute += 10) {
                pastMornings = pastMornings.withCheckIn(morning.plus(Duration.ofMinutes(minute)), minute % 30 == 0 ? 3 : 1, false);
            }
        }
        DoctorHistory today = pastMornings.withCheckIn(NOW.minus(Duration.ofHours(2)), 1, false).withCheckIn(now, 1, false);
        ShiftState toOne = new ShiftState(NOW.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)),
                null, null, false, false, List.of(), null);
        ShiftState toTwo = new ShiftState(toOne.plannedStart(), toOne.plannedEnd().plus(Duration.ofHours(1)), toOne.actualStart(),
                null, null, false, false, List.of(), null);

        List<Eta> untilOne = estimator.estimate(new QueueSituation(now, null, 10, 5, line(6), List.of(), toOne, today));
        List<Eta> untilTwo = estimator.estimate(new QueueSituation(now, null, 10, 5, line(6), List.of(), toTwo, today));
        List<Eta> noEmergencies = estimator.estimate(new QueueSituation(now, null, 10, 5, line(6), List.of(), toOne,
                DoctorHistory.EMPTY.withCheckIn(now, 1, false)));

        assertThat(untilTwo).isEqualTo(untilOne);
        // (the quiet history's prior still expects a few emergencies; the learned one expects none after 10:30)
        assertThat(untilOne.get(5).p50Minutes()).isLessThanOrEqualTo(noEmergencies.get(5).p50Minutes() + 2);
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
