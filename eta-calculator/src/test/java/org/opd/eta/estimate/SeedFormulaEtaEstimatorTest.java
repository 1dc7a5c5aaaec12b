package org.opd.eta.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeedFormulaEtaEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final EtaEstimator estimator = new SeedFormulaEtaEstimator();

    @Test
    void withNoConsultationRunningTheFirstInLineGoesInNowAndEachTokenAheadAddsAverageAndBuffer() {
        // Given avg 10 and buffer 5, nobody in the cabin
        var situation = QueueSituation.simple(NOW, null, 10, 5, 3);

        // Then P50 adds 10 + 5 per token ahead, P90 adds 15 + 5
        assertThat(estimator.estimate(situation))
                .containsExactly(new Eta(0, 0), new Eta(15, 20), new Eta(30, 40));
    }

    @Test
    void aRunningConsultationAddsWhatIsLeftOfItsAverage() {
        // Given a consultation that started 4 minutes ago
        var situation = QueueSituation.simple(NOW, NOW.minus(Duration.ofMinutes(4)), 10, 5, 3);

        // Then 6 minutes remain at the average, 11 at 1.5 times it
        assertThat(estimator.estimate(situation))
                .containsExactly(new Eta(6, 11), new Eta(21, 31), new Eta(36, 51));
    }

    @Test
    void aConsultationRunningOverItsAverageCountsAsEndingNow() {
        var situation = QueueSituation.simple(NOW, NOW.minus(Duration.ofMinutes(30)), 10, 5, 2);

        assertThat(estimator.estimate(situation)).containsExactly(new Eta(0, 0), new Eta(15, 20));
    }

    @Test
    void partialMinutesOfElapsedTimeDoNotCount() {
        // Given 4 min 59 s elapsed: the seed works in whole minutes
        var situation = QueueSituation.simple(NOW, NOW.minusSeconds(4 * 60 + 59), 10, 0, 1);

        assertThat(estimator.estimate(situation)).containsExactly(new Eta(6, 11));
    }

    @Test
    void p90RoundsUpToWholeMinutes() {
        // Given avg 7: a P90 consultation is 10.5 minutes
        var situation = QueueSituation.simple(NOW, null, 7, 3, 2);

        assertThat(estimator.estimate(situation)).containsExactly(new Eta(0, 0), new Eta(10, 14));
    }

    @Test
    void withoutAConfiguredAverageItUsesTheSeedDefaultOfFifteenMinutes() {
        var situation = QueueSituation.simple(NOW, null, 0, 5, 2);

        assertThat(estimator.estimate(situation)).containsExactly(new Eta(0, 0), new Eta(20, 28));
    }

    @Test
    void anEmptyLineHasNoEstimates() {
        assertThat(estimator.estimate(QueueSituation.simple(NOW, NOW, 10, 5, 0))).isEmpty();
    }
}
