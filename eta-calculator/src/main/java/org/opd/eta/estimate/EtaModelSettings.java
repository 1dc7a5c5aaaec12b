package org.opd.eta.estimate;

/**
 * The assumptions of {@link LearnedEtaEstimator} before (and while) it learns; the defaults are what
 * OPD days look like when nothing else is known.
 *
 * @param samples                      Monte Carlo draws per estimate
 * @param seed                         random seed of every estimate, so the same queue always gets the same ETAs
 * @param consultationPriorSigma       log-space spread of one doctor's consultation times
 * @param gapPriorSigma                log-space spread of the gap between consultations
 * @param pseudoCount                  how many observations the configured averages weigh (few: the doctor's own
 *                                     consultations win as soon as they disagree)
 * @param recentCount                  how many of the latest consultations (and gaps) set the typical length
 * @param walkoutPrior                 chance that a token in line leaves without a consultation
 * @param bookedNoShowPrior            chance that a booked token never checks in
 * @param ratePseudoCount              how many observations the no-show priors weigh
 * @param seniorPerHourPrior           senior walk-ins per hour per doctor, before any are seen
 * @param emergencyPerHourPrior        emergency walk-ins per hour per doctor, before any are seen
 * @param ratePriorHours               how many hours the insertion rate priors weigh
 * @param lateRemainingMeanMinutes     once a doctor is late, the mean of the further wait for them
 * @param expectedLatenessMeanMinutes  mean lateness of a doctor whose shift has not started yet
 * @param breakOverrunMeanMinutes      mean time a break runs past its planned or announced end
 */
public record EtaModelSettings(
        int samples,
        long seed,
        double consultationPriorSigma,
        double gapPriorSigma,
        double pseudoCount,
        int recentCount,
        double walkoutPrior,
        double bookedNoShowPrior,
        double ratePseudoCount,
        double seniorPerHourPrior,
        double emergencyPerHourPrior,
        double ratePriorHours,
        double lateRemainingMeanMinutes,
        double expectedLatenessMeanMinutes,
        double breakOverrunMeanMinutes) {

    public static final EtaModelSettings DEFAULTS =
            new EtaModelSettings(400, 20260302L, 0.45, 0.6, 2, 12, 0.03, 0.15, 20, 0.3, 0.15, 3, 10, 3, 4);
}
