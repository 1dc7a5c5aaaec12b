package org.opd.eta.estimate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code calculate_token_eta} (spec 004), the baseline the learned model is measured
 * against: what is left of the running consultation at the average, plus one average consultation
 * and one buffer per token ahead. The seed gives one figure; its P90 here takes every consultation
 * as 1.5 times the average.
 *
 * <p>{@link #asWritten()} follows the SQL: its "tokens ahead" are the doctor's tokens before this
 * one that are {@code WAITING} or {@code IN_CONSULTATION}, so the running consultation counts twice
 * (its remaining time and a whole average plus buffer), the buffer is a fixed 5 minutes, and the
 * elapsed minutes are rounded as PL/pgSQL rounds a numeric into an {@code INT}.
 * {@link #withoutDoubleCount()} is the kinder reading: only tokens in line count as ahead, and the
 * buffer is the department's. "Before this one" is the line's call order in both.
 */
public final class SeedFormulaEtaEstimator implements EtaEstimator {

    /** The seed's fallback when no average consultation time is configured. */
    static final int DEFAULT_AVG_CONSULTATION_MINUTES = 15;
    /** The seed's buffer per token ahead. */
    static final int SEED_BUFFER_MINUTES = 5;

    private static final double P90_CONSULTATION_FACTOR = 1.5;

    private final boolean asWritten;

    private SeedFormulaEtaEstimator(boolean asWritten) {
        this.asWritten = asWritten;
    }

    /** The seed's SQL as it stands. */
    public static SeedFormulaEtaEstimator asWritten() {
        return new SeedFormulaEtaEstimator(true);
    }

    /** The seed without counting the running consultation as a token ahead, with the department's buffer. */
    public static SeedFormulaEtaEstimator withoutDoubleCount() {
        return new SeedFormulaEtaEstimator(false);
    }

    @Override
    public List<Eta> estimate(QueueSituation situation) {
        int avg = situation.avgConsultationMinutes() > 0
                ? situation.avgConsultationMinutes()
                : DEFAULT_AVG_CONSULTATION_MINUTES;
        int buffer = asWritten ? SEED_BUFFER_MINUTES : Math.max(0, situation.bufferMinutes());
        boolean consulting = situation.consultationStartedAt() != null;
        long elapsed = minutesElapsed(situation);
        double avg90 = P90_CONSULTATION_FACTOR * avg;
        int aheadInCabin = asWritten && consulting ? 1 : 0;

        List<Eta> etas = new ArrayList<>(situation.tokensInLine());
        for (int inLineAhead = 0; inLineAhead < situation.tokensInLine(); inLineAhead++) {
            int tokensAhead = aheadInCabin + inLineAhead;
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
        long seconds = Math.max(0, Duration.between(situation.consultationStartedAt(), situation.now()).toSeconds());
        return Math.round(seconds / 60.0);
    }

    private static double remaining(boolean consulting, double consultationMinutes, long elapsed) {
        return consulting ? Math.max(0, consultationMinutes - elapsed) : 0;
    }
}
