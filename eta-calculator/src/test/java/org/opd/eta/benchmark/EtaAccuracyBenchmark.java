package org.opd.eta.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.estimate.SeedFormulaEtaEstimator;

/**
 * The ETA accuracy benchmark: simulated OPD mornings ({@link OpdDay}, seeds 1..n) replayed through the
 * topology with the learned model and with the seed formula, side by side. Not part of the default
 * test run ({@link EtaAccuracyTest} is the regression check); run with
 * {@code mvn -B -o -q -pl eta-calculator test -Dtest=EtaAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dopd.benchmark.days=10}
 * and read {@code eta-calculator/target/eta-accuracy.txt} ({@code -Dopd.benchmark.details=true} adds
 * every patient's figures).
 */
class EtaAccuracyBenchmark {

    private final StringBuilder report = new StringBuilder();

    @Test
    void reportsAccuracyOfTheModelAndTheSeedFormula() throws IOException {
        int days = Integer.getInteger("opd.benchmark.days", 10);
        boolean details = Boolean.getBoolean("opd.benchmark.details");
        List<EtaReplay.Shown> model = new ArrayList<>();
        List<EtaReplay.Shown> seed = new ArrayList<>();
        line("%-8s %9s %10s %13s %10s %13s %11s %11s", "day", "patients", "model MAE", "model P90 cov", "seed MAE",
                "seed P90 cov", "model bias", "seed bias");
        for (int d = 1; d <= days; d++) {
            OpdDay day = OpdDay.simulate(d);
            List<EtaReplay.Shown> dayModel = EtaReplay.replay(day, new LearnedEtaEstimator());
            List<EtaReplay.Shown> daySeed = EtaReplay.replay(day, new SeedFormulaEtaEstimator());
            row("seed " + d, EtaReplay.Accuracy.of(dayModel), EtaReplay.Accuracy.of(daySeed));
            if (details) {
                Map<UUID, EtaReplay.Shown> bySeed = new HashMap<>();
                daySeed.forEach(shown -> bySeed.put(shown.tokenId(), shown));
                dayModel.stream().sorted(Comparator.comparing(EtaReplay.Shown::tokenNumber)).forEach(shown -> line(
                        "  %s position %d waited %.0f min; model %d/%d, seed %d/%d", shown.tokenNumber(), shown.position(),
                        shown.actualMinutes(), shown.p50(), shown.p90(), bySeed.get(shown.tokenId()).p50(),
                        bySeed.get(shown.tokenId()).p90()));
            }
            model.addAll(dayModel);
            seed.addAll(daySeed);
        }
        EtaReplay.Accuracy all = EtaReplay.Accuracy.of(model);
        EtaReplay.Accuracy allSeed = EtaReplay.Accuracy.of(seed);
        row("all", all, allSeed);
        line("model MAE / seed MAE = %.2f", all.meanAbsoluteError() / allSeed.meanAbsoluteError());
        System.out.print(report);
        Files.writeString(Path.of("target", "eta-accuracy.txt"), report);
    }

    private void row(String label, EtaReplay.Accuracy model, EtaReplay.Accuracy seed) {
        line("%-8s %9d %10.1f %12.1f%% %10.1f %12.1f%% %+11.1f %+11.1f", label, model.patients(), model.meanAbsoluteError(),
                100 * model.p90Coverage(), seed.meanAbsoluteError(), 100 * seed.p90Coverage(), model.bias(), seed.bias());
    }

    private void line(String format, Object... args) {
        report.append(format.formatted(args)).append(System.lineSeparator());
    }
}
