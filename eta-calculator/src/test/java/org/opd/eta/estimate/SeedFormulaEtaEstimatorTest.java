package org.opd.eta.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeedFormulaEtaEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Nested
    class AsWritten {

        private final EtaEstimator estimator = SeedFormulaEtaEstimator.asWritten();

        @Test
        void withNoConsultationRunningTheFirstInLineGoesInNowAndEachTokenAheadAddsAverageAndFiveMinutes() {
            // Given avg 10 and a department buffer of 2, nobody in the cabin
            var situation = QueueSituation.simple(NOW, null, 10, 2, 3);

            // Then P50 adds 10 + 5 per token ahead (the seed's fixed buffer), P90 adds 15 + 5
            assertThat(estimator.estimate(situation))
                    .containsExactly(new Eta(0, 0), new Eta(15, 20), new Eta(30, 40));
        }

        @Test
        void theTokenInConsultationCountsAsATokenAheadOnTopOfWhatIsLeftOfIt() {
            // Given a consultation that started 4 minutes ago
            var situation = QueueSituation.simple(NOW, NOW.minus(Duration.ofMinutes(4)), 10, 5, 2);

            // Then the first in line waits the 6 minutes left plus a whole 10 + 5 for the token in the cabin
            assertThat(estimator.estimate(situation)).containsExactly(new Eta(21, 31), new Eta(36, 51));
        }

        @Test
        void elapsedMinutesAreRoundedAsPlPgSqlRoundsIntoAnInt() {
            // Given 4 min 59 s and 4 min 29 s elapsed, no buffer: 5 and 4 minutes of the average are gone
            var later = QueueSituation.simple(NOW, NOW.minusSeconds(4 * 60 + 59), 10, 0, 1);
            var earlier = QueueSituation.simple(NOW, NOW.minusSeconds(4 * 60 + 29), 10, 0, 1);

            assertThat(estimator.estimate(later)).containsExactly(new Eta(20, 30));
            assertThat(estimator.estimate(earlier)).containsExactly(new Eta(21, 31));
        }
    }

    @Nested
    class WithoutDoubleCount {

        private final EtaEstimator estimator = SeedFormulaEtaEstimator.withoutDoubleCount();

        @Test
        void eachTokenInLineAheadAddsAverageAndTheDepartmentsBuffer() {
            var situation = QueueSituation.simple(NOW, null, 10, 2, 3);

            assertThat(estimator.estimate(situation))
                    .containsExactly(new Eta(0, 0), new Eta(12, 17), new Eta(24, 34));
        }

        @Test
        void aRunningConsultationAddsOnlyWhatIsLeftOfItsAverage() {
            var situation = QueueSituation.simple(NOW, NOW.minus(Duration.ofMinutes(4)), 10, 5, 3);

            assertThat(estimator.estimate(situation))
                    .containsExactly(new Eta(6, 11), new Eta(21, 31), new Eta(36, 51));
        }
    }

    @Test
    void aConsultationRunningOverItsAverageCountsAsEndingNow() {
        var situation = QueueSituation.simple(NOW, NOW.minus(Duration.ofMinutes(30)), 10, 5, 2);

        assertThat(SeedFormulaEtaEstimator.withoutDoubleCount().estimate(situation))
                .containsExactly(new Eta(0, 0), new Eta(15, 20));
        assertThat(SeedFormulaEtaEstimator.asWritten().estimate(situation))
                .containsExactly(new Eta(15, 20), new Eta(30, 40));
    }

    @Test
    void p90RoundsUpToWholeMinutes() {
        // Given avg 7: a P90 consultation is 10.5 minutes
        var situation = QueueSituation.simple(NOW, null, 7, 3, 2);

        assertThat(SeedFormulaEtaEstimator.withoutDoubleCount().estimate(situation))
                .containsExactly(new Eta(0, 0), new Eta(10, 14));
    }

    @Test
    void withoutAConfiguredAverageItUsesTheSeedDefaultOfFifteenMinutes() {
        var situation = QueueSituation.simple(NOW, null, 0, 5, 2);

        assertThat(SeedFormulaEtaEstimator.asWritten().estimate(situation)).containsExactly(new Eta(0, 0), new Eta(20, 28));
    }

    @Test
    void anEmptyLineHasNoEstimates() {
        assertThat(SeedFormulaEtaEstimator.asWritten().estimate(QueueSituation.simple(NOW, NOW, 10, 5, 0))).isEmpty();
    }
}
