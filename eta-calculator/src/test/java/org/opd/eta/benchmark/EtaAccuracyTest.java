package org.opd.eta.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.estimate.SeedFormulaEtaEstimator;

/**
 * Guards the ETA accuracy measured by {@link EtaAccuracyBenchmark} on the first two simulated days of
 * one hospital (doctors at 0.5 to 2 times their configured average, priority bookings, planned breaks),
 * so a change that makes the screens' ETAs worse, or stops the model carrying what it learned into the
 * next day, fails the build. The cold first day is held to the targets; the ten-day targets
 * are the benchmark's (ten days take minutes), with day 2 held to what it reaches once it knows the doctors.
 */
class EtaAccuracyTest {

    @Test
    void theModelBeatsTheSeedFormulaFromTheFirstDayAndMoreOnceItKnowsTheDoctors() {
        // Given the first two simulated mornings of hospital 1 (8 doctors, about 120 patients seen a day)
        OpdStaff staff = OpdStaff.hire(1);
        List<OpdDay> days = List.of(OpdDay.simulate(staff, 1), OpdDay.simulate(staff, 2));

        // When every check-in's ETA is compared with the wait that followed
        List<List<List<EtaReplay.Shown>>> byEstimator = EtaReplay.replayEach(days,
                List.of(LearnedEtaEstimator::new, SeedFormulaEtaEstimator::asWritten, SeedFormulaEtaEstimator::withoutDoubleCount));
        List<EtaReplay.Accuracy> model = byEstimator.get(0).stream().map(EtaReplay.Accuracy::of).toList();
        List<EtaReplay.Accuracy> seed = byEstimator.get(1).stream().map(EtaReplay.Accuracy::of).toList();
        List<EtaReplay.Accuracy> kindSeed = byEstimator.get(2).stream().map(EtaReplay.Accuracy::of).toList();

        // Then (measured: MAE 7.5 vs the seed's 14.6 and the kind seed's 10.4 on day 1, 10.7 vs 21.1 and 18.5 on day 2;
        // P90 coverage 92.9 % and 87.7 %; bias -0.1 and -2.8 min)
        assertThat(model.get(0).patients()).isGreaterThan(100);
        assertThat(model.get(0).meanAbsoluteError()).isLessThanOrEqualTo(0.60 * seed.get(0).meanAbsoluteError());
        assertThat(model.get(0).meanAbsoluteError()).isLessThanOrEqualTo(0.75 * kindSeed.get(0).meanAbsoluteError());
        assertThat(model.get(1).meanAbsoluteError()).isLessThanOrEqualTo(0.55 * seed.get(1).meanAbsoluteError());
        assertThat(model.get(1).meanAbsoluteError()).isLessThanOrEqualTo(0.65 * kindSeed.get(1).meanAbsoluteError());
        assertThat(model).allSatisfy(day -> {
            assertThat(day.p90Coverage()).isBetween(0.85, 0.95);
            assertThat(Math.abs(day.bias())).isLessThanOrEqualTo(3);
        });
    }
}
