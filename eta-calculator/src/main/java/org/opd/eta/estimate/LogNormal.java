package org.opd.eta.estimate;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A log-normal distribution of minutes, fitted robustly to observations and shrunk toward a prior.
 *
 * @param mu     mean of the log of minutes
 * @param sigma  standard deviation of the log of minutes
 * @param muSpread standard error of {@code mu}: how unsure the fit still is about the typical value
 */
record LogNormal(double mu, double sigma, double muSpread) {

    /** Observations further than this many robust deviations from the median (in log space) are outliers. */
    private static final double OUTLIER_DEVIATIONS = 3;
    private static final double MAD_TO_SIGMA = 1.4826;

    /**
     * The centre comes from the latest {@code recentCount} observations (outliers left out) shrunk toward
     * the prior by {@code pseudoCount}: with a small prior weight the doctor's own consultations win as
     * soon as a few disagree with the configured average, and a doctor's pace today is followed. The
     * spread comes from every observation given, with the prior's spread and the disagreement.
     *
     * @param priorMeanMinutes the configured average (a mean, not a median)
     * @param priorSigma       the assumed log-space spread
     * @param pseudoCount      how many observations the prior weighs
     * @param recentCount      how many of the latest observations set the centre
     * @param seconds          observations in seconds, oldest first
     */
    static LogNormal fit(double priorMeanMinutes, double priorSigma, double pseudoCount, int recentCount, List<Integer> seconds) {
        double mu0 = Math.log(priorMeanMinutes) - priorSigma * priorSigma / 2;
        double[] kept = withoutOutliers(seconds.stream().mapToDouble(s -> Math.log(s / 60.0)).toArray());
        int n = kept.length;
        if (n == 0) {
            return new LogNormal(mu0, priorSigma, priorSigma / Math.sqrt(pseudoCount));
        }
        double k = pseudoCount;
        double[] recent = Arrays.copyOfRange(kept, Math.max(0, n - recentCount), n);
        double recentMean = Arrays.stream(recent).average().orElseThrow();
        double mu = (k * mu0 + recent.length * recentMean) / (k + recent.length);
        double mean = Arrays.stream(kept).average().orElseThrow();
        double squares = Arrays.stream(kept).map(x -> (x - mean) * (x - mean)).sum();
        // Normal-inverse-gamma style: the prior's spread, the data's, and their disagreement.
        double variance = (k * priorSigma * priorSigma + squares + (k * n / (k + n)) * (mean - mu0) * (mean - mu0)) / (k + n);
        double sigma = Math.sqrt(variance);
        return new LogNormal(mu, sigma, sigma / Math.sqrt(k + recent.length));
    }

    /** The observations within {@link #OUTLIER_DEVIATIONS} robust deviations of the median, in their order. */
    private static double[] withoutOutliers(double[] logs) {
        if (logs.length < 5) {
            return logs;
        }
        double median = median(Arrays.stream(logs).sorted().toArray());
        double[] deviations = Arrays.stream(logs).map(x -> Math.abs(x - median)).sorted().toArray();
        double robustSigma = MAD_TO_SIGMA * median(deviations);
        if (robustSigma <= 0) {
            return logs;
        }
        return Arrays.stream(logs).filter(x -> Math.abs(x - median) <= OUTLIER_DEVIATIONS * robustSigma).toArray();
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** One draw, given a log-space centre already drawn for this sample. */
    double draw(double sampleMu, RandomGenerator random) {
        return Math.exp(sampleMu + sigma * random.nextGaussian());
    }

    /** A centre for one Monte Carlo sample: the fit's uncertainty is shared by all consultations of the sample. */
    double drawMu(RandomGenerator random) {
        return mu + muSpread * random.nextGaussian();
    }

    /** What is left of a consultation that has already run {@code elapsed} minutes: a draw conditional on its length exceeding that. */
    double drawRemaining(double sampleMu, double elapsed, RandomGenerator random) {
        if (elapsed <= 0) {
            return draw(sampleMu, random);
        }
        double alreadyDone = Normal.cdf((Math.log(elapsed) - sampleMu) / sigma);
        double u = alreadyDone + (1 - alreadyDone) * random.nextDouble();
        double length = Math.exp(sampleMu + sigma * Normal.inverseCdf(Math.min(u, 1 - 1e-9)));
        return Math.max(0, length - elapsed);
    }
}
