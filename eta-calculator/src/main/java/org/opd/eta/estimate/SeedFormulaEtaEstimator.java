package org.opd.eta.estimate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code calculate_token_eta} (spec 004), with the department's buffer instead of a fixed
 * 5 minutes: remaining time of the running consultation plus, per token ahead, one average
 * consultation and one buffer. The P90 takes every consultation as 1.5 times the average.
 */
public final class SeedFormulaEtaEstimator implements EtaEstimator {

    /** The seed's fallback when no average consultation time is configured. */
    static final int DEFAULT_AVG_CONSULTATION_MINUTES = 15;

    private static final double P90_CONSULTATION_FACTOR = 1.5;

    @Override
    public List<Eta> estimate(QueueSituation situation) {
        int avg = situation.avgConsultationMinutes() > 0
                ? situation.avgConsultationMinutes()
                : DEFAULT_AVG_CONSULTATION_MINUTES;
        int buffer = Math.max(0, situation.bufferMinutes());
        boolean consulting = situation.consultationStartedAt() != null;
        long elapsed = minutesElapsed(situation);
        double avg90 = P90_CONSULTATION_FACTOR * avg;

        List<Eta> etas = new ArrayList<>(situation.tokensInLine());
        for (int tokensAhead = 0; tokensAhead < situation.tokensInLine(); tokensAhead++) {
            long p50 = (long) remaining(consulting, avg, elapsed) + (long) tokensAhead * (avg + buffer);
            double p90 = remaining(consulting, avg90, elapsed) + tokensAhead * (avg90 + buffer);
            etas.add(new Eta(Math.toIntExact(p50), (int) Math.ceil(p90)));
        }
        return etas;
    }

    private static long minutesElapsed(QueueSituation situation) {
        if (situation.consultationStartedAt() == null) {
            return 0;
        }
        // A start time slightly after "now" (clock skew between writers) counts as just started.
        return Math.max(0, Duration.between(situation.consultationStartedAt(), situation.now()).toMinutes());
    }

    private static double remaining(boolean consulting, double consultationMinutes, long elapsed) {
        return consulting ? Math.max(0, consultationMinutes - elapsed) : 0;
    }
}
