package org.opd.eta.estimate;

/**
 * Minutes until a token's consultation starts.
 *
 * @param p50Minutes the median estimate
 * @param p90Minutes the estimate that is not exceeded with 90 % confidence; never below the median
 */
public record Eta(int p50Minutes, int p90Minutes) {

    public Eta {
        if (p50Minutes < 0 || p90Minutes < p50Minutes) {
            throw new IllegalArgumentException("Need 0 <= p50 <= p90, got " + p50Minutes + " and " + p90Minutes);
        }
    }
}
