package org.opd.eta.estimate;

import java.util.List;

/**
 * Estimates when each token in a doctor's line will be called in. The seed formula
 * ({@link SeedFormulaEtaEstimator}) is the first implementation; a learned model replaces it
 * without the topology changing.
 */
public interface EtaEstimator {

    /**
     * @return one estimate per token in line, in call order: element {@code i} is for position {@code i + 1}
     */
    List<Eta> estimate(QueueSituation situation);
}
