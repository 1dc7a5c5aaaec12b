package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ETA model: simulates the rest of the doctor's line many times (Monte Carlo, fixed seed, so one
 * queue always gets the same answer) and reads P50 and P90 off the simulated waits.
 *
 * <p>Each simulated future draws: when the doctor can next begin (not started yet, late, on a break);
 * what is left of the running consultation given how long it has run; the planned breaks still ahead
 * and how far each runs over; every consultation and every gap between patients from log-normals
 * learned from this doctor's recent consultations and shrunk toward the configured average and the
 * department's buffer; whether each token ahead walks out; and senior and emergency patients who
 * arrive (walk-ins at the learned rate while walk-ins still come, booked ones as booked) and go ahead.
 *
 * <p>Each sample has random streams of its own, split from the seed in order, and draws for the line
 * token by token from the front: a token joining at the back adds draws after everyone else's, so the
 * ETAs of the tokens ahead stay as they were instead of all moving with the Monte Carlo noise.
 */
public final class LearnedEtaEstimator implements EtaEstimator {

    /** The seed's fallback when no average consultation time is configured. */
    private static final int DEFAULT_AVG_CONSULTATION_MINUTES = 15;
    /** Below this the configured buffer is taken as "no buffer": the call and walk-in still take a moment. */
    private static final double SHORTEST_GAP_MINUTES = 0.5;
    /**
     * How far ahead walk-ins are simulated when nothing bounds them: longer than any OPD session. Fixed,
     * not following the line's length, so that a token joining at the back does not change the arrivals.
     */
    private static final double ARRIVAL_HORIZON_MINUTES = 8 * 60;

    private final EtaModelSettings settings;

    public LearnedEtaEstimator() {
        this(EtaModelSettings.DEFAULTS);
    }

    public LearnedEtaEstimator(EtaModelSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Eta> estimate(QueueSituation situation) {
        int n = situation.tokensInLine();
        if (n == 0) {
            return List.of();
        }
        Learned learned = learn(situation);
        BreakPlan breaks = BreakPlan.of(situation.shift(), situation.now());
        ArrivalWindow window = ArrivalWindow.of(situation);
        int samples = settings.samples();
        double[][] waits = new double[n][samples];
        SplittableRandom seeded = new SplittableRandom(settings.seed());
        for (int s = 0; s < samples; s++) {
            simulate(situation, learned, breaks, window, seeded.split(), waits, s);
        }
        List<Eta> etas = new ArrayList<>(n);
        for (double[] wait : waits) {
            Arrays.sort(wait);
            int p50 = (int) Math.round(quantile(wait, 0.5));
            int p90 = (int) Math.ceil(quantile(wait, 0.9) - 1e-9);
            etas.add(new Eta(Math.max(0, p50), Math.max(Math.max(0, p50), p90)));
        }
        return etas;
    }

    /** The distributions and rates this doctor's history and configuration support. */
    Learned learn(QueueSituation situation) {
        DoctorHistory history = situation.history();
        double avg = situation.avgConsultationMinutes() > 0 ? situation.avgConsultationMinutes() : DEFAULT_AVG_CONSULTATION_MINUTES;
        LogNormal consultation = LogNormal.fit(avg, settings.consultationPriorSigma(), settings.pseudoCount(),
                settings.recentCount(), history.consultationSeconds());
        LogNormal gap = LogNormal.fit(Math.max(SHORTEST_GAP_MINUTES, situation.bufferMinutes()), settings.gapPriorSigma(),
                settings.pseudoCount(), settings.recentCount(), history.gapSeconds());
        double walkout = (settings.walkoutPrior() * settings.ratePseudoCount() + history.lineWalkouts())
                / (settings.ratePseudoCount() + history.lineWalkouts() + history.lineStarts());
        double bookedNoShow = (settings.bookedNoShowPrior() * settings.ratePseudoCount() + history.bookedNoShows())
                / (settings.ratePseudoCount() + history.bookedNoShows() + history.bookedArrivals());
        PriorityArrivals arrivals = history.priorityArrivals();
        double seniorPerMinute = arrivals.perMinute(2, situation.now(), settings.seniorPerHourPrior(), settings.ratePriorHours());
        double emergencyPerMinute = arrivals.perMinute(3, situation.now(), settings.emergencyPerHourPrior(), settings.ratePriorHours());
        return new Learned(consultation, gap, walkout, bookedNoShow, seniorPerMinute, emergencyPerMinute);
    }

    record Learned(LogNormal consultation, LogNormal gap, double walkout, double bookedNoShow,
            double seniorPerMinute, double emergencyPerMinute) {
    }

    /** One simulated future; {@code random} is this sample's own stream. */
    private void simulate(QueueSituation situation, Learned learned, BreakPlan breaks, ArrivalWindow window,
            SplittableRandom random, double[][] waits, int s) {
        // Split before any draw, so the arrivals do not depend on how long the line is, nor the line on them.
        Arrivals arrivals = new Arrivals(learned, window, random.split(), random.split(), random.split());
        List<QueueSituation.LineToken> line = situation.line();
        double consultMu = learned.consultation().drawMu(random);
        double gapMu = learned.gap().drawMu(random);
        BreakPlan.Sample breaksAhead = breaks.sample(settings.breakOverrunMeanMinutes(), random);
        boolean busy = situation.consultationStartedAt() != null;
        // t: when the doctor is next free to start a consultation, in minutes from now.
        double t;
        if (busy) {
            double elapsed = Math.max(0, minutesBetween(situation.consultationStartedAt(), situation.now()));
            t = learned.consultation().drawRemaining(consultMu, elapsed, random);
        } else {
            t = startDelay(situation, random);
        }
        boolean idleNow = !busy && t == 0 && situation.shift().working();
        double[] base = new double[line.size()];
        for (int i = 0; i < line.size(); i++) {
            QueueSituation.LineToken token = line.get(i);
            t = breaksAhead.resumeAt(t);
            double gap = learned.gap().draw(gapMu, random);
            if (token.calledTime() != null && !busy) {
                // Already called: only the rest of the walk to the cabin is left.
                base[i] = t + Math.max(0, gap - Math.max(0, minutesBetween(token.calledTime(), situation.now())));
            } else if (i == 0 && idleNow && t == 0) {
                // A free doctor calls the patient at once: the screen says "now", the walk-in still takes its gap.
                base[i] = 0;
                t = gap;
            } else {
                base[i] = t + gap;
            }
            boolean walksOut = token.calledTime() == null && i > 0 && random.nextDouble() < learned.walkout();
            if (!walksOut) {
                t = Math.max(t, base[i]) + learned.consultation().draw(consultMu, random);
                busy = true;
            }
        }
        arrivals.insertAhead(situation, consultMu, gapMu, base);
        for (int i = 0; i < base.length; i++) {
            waits[i][s] = base[i];
        }
    }

    /** Minutes until the doctor can begin: now, or after the shift start, the lateness or the break. */
    private double startDelay(QueueSituation situation, SplittableRandom random) {
        ShiftState shift = situation.shift();
        if (shift.awaitingStart()) {
            double untilPlanned = minutesBetween(situation.now(), shift.plannedStart());
            return untilPlanned > 0
                    ? untilPlanned + random.nextExponential() * settings.expectedLatenessMeanMinutes()
                    : random.nextExponential() * settings.lateRemainingMeanMinutes();
        }
        if (shift.onBreak()) {
            double untilBack = shift.breakEndsAt() == null ? 0 : Math.max(0, minutesBetween(situation.now(), shift.breakEndsAt()));
            return untilBack + random.nextExponential() * settings.breakOverrunMeanMinutes();
        }
        return 0;
    }

    /**
     * The seniors and emergencies of one sample who arrive later and go ahead of lower priorities not yet
     * called: walk-ins at the learned rates within the {@link ArrivalWindow}, and the booked ones still to
     * come. Each kind draws from a stream of its own.
     */
    private record Arrivals(Learned learned, ArrivalWindow window, SplittableRandom seniors, SplittableRandom emergencies,
            SplittableRandom bookings) {

        void insertAhead(QueueSituation situation, double consultMu, double gapMu, double[] base) {
            double horizon = Math.min(ARRIVAL_HORIZON_MINUTES, window.endsAt());
            List<double[]> arrivals = new ArrayList<>(); // {minutes from now, priority, cost}
            walkIns(learned.seniorPerMinute(), 2, horizon, seniors, arrivals, consultMu, gapMu);
            walkIns(learned.emergencyPerMinute(), 3, horizon, emergencies, arrivals, consultMu, gapMu);
            for (QueueSituation.BookedToken booked : situation.booked()) {
                if (booked.priority() > 1 && bookings.nextDouble() >= learned.bookedNoShow()) {
                    double at = booked.scheduledTime() == null ? 0 : Math.max(0, minutesBetween(situation.now(), booked.scheduledTime()));
                    arrivals.add(new double[] {at, booked.priority(), cost(consultMu, gapMu, bookings)});
                }
            }
            if (arrivals.isEmpty()) {
                return;
            }
            arrivals.sort((a, b) -> Double.compare(a[0], b[0]));
            List<QueueSituation.LineToken> line = situation.line();
            for (int i = 0; i < base.length; i++) {
                QueueSituation.LineToken token = line.get(i);
                if (token.calledTime() == null) {
                    base[i] = startAfterInsertions(base[i], token.priority(), arrivals);
                }
            }
        }

        private void walkIns(double perMinute, int priority, double horizon, SplittableRandom random, List<double[]> arrivals,
                double consultMu, double gapMu) {
            if (perMinute <= 0) {
                return;
            }
            double at = random.nextExponential() / perMinute;
            while (at < horizon) {
                // Thinning: the rate fades once walk-ins usually stop.
                if (random.nextDouble() < window.chance(at)) {
                    arrivals.add(new double[] {at, priority, cost(consultMu, gapMu, random)});
                }
                at += random.nextExponential() / perMinute;
            }
        }

        private double cost(double consultMu, double gapMu, SplittableRandom random) {
            return learned.consultation().draw(consultMu, random) + learned.gap().draw(gapMu, random);
        }
    }

    /**
     * When a token starts if every later arrival of a higher priority that comes before it is called
     * goes ahead: each one pushes the start back, which lets still later arrivals in too.
     */
    private static double startAfterInsertions(double start, int priority, List<double[]> arrivalsByTime) {
        for (double[] arrival : arrivalsByTime) {
            if (arrival[0] >= start) {
                break;
            }
            if (arrival[1] > priority) {
                start += arrival[2];
            }
        }
        return start;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
