package org.opd.eta.estimate;

import java.util.List;

/**
 * Estimates when each token in a doctor's line will be called in: the service's
 * {@link LearnedEtaEstimator}, and the seed formula ({@link SeedFormulaEtaEstimator}) it is measured against.
 */
public interface EtaEstimator {

    /**
     * @return one estimate per token in line, in call order: element {@code i} is for position {@code i + 1}
     */
    List<Eta> estimate(QueueSituation situation);
}
