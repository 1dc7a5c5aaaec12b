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
 * topology with the learned model and with the seed formula, side by side: the seed as written (the
 * target's baseline) and, for reference, the seed without its double count of the running consultation. Not part of the default
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
        List<EtaReplay.Shown> kindSeed = new ArrayList<>();
        line("%-8s %9s | %10s %13s %11s | %10s %13s %11s | %10s %13s %11s", "day", "patients", "model MAE", "model P90 cov",
                "model bias", "seed MAE", "seed P90 cov", "seed bias", "kind MAE", "kind P90 cov", "kind bias");
        for (int d = 1; d <= days; d++) {
            OpdDay day = OpdDay.simulate(d);
            List<EtaReplay.Shown> dayModel = EtaReplay.replay(day, new LearnedEtaEstimator());
            List<EtaReplay.Shown> daySeed = EtaReplay.replay(day, SeedFormulaEtaEstimator.asWritten());
            List<EtaReplay.Shown> dayKindSeed = EtaReplay.replay(day, SeedFormulaEtaEstimator.withoutDoubleCount());
            row("day " + d, EtaReplay.Accuracy.of(dayModel), EtaReplay.Accuracy.of(daySeed),
                    EtaReplay.Accuracy.of(dayKindSeed));
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
            kindSeed.addAll(dayKindSeed);
        }
        EtaReplay.Accuracy all = EtaReplay.Accuracy.of(model);
        EtaReplay.Accuracy allSeed = EtaReplay.Accuracy.of(seed);
        EtaReplay.Accuracy allKindSeed = EtaReplay.Accuracy.of(kindSeed);
        row("all", all, allSeed, allKindSeed);
        line("model MAE / seed MAE = %.2f (target <= 0.60); model MAE / kind seed MAE = %.2f",
                all.meanAbsoluteError() / allSeed.meanAbsoluteError(),
                all.meanAbsoluteError() / allKindSeed.meanAbsoluteError());
        System.out.print(report);
        Files.writeString(Path.of("target", "eta-accuracy.txt"), report);
    }

    private void row(String label, EtaReplay.Accuracy... accuracies) {
        StringBuilder row = new StringBuilder("%-8s %9d".formatted(label, accuracies[0].patients()));
        for (EtaReplay.Accuracy accuracy : accuracies) {
            row.append(" | %10.1f %12.1f%% %+11.1f".formatted(accuracy.meanAbsoluteError(), 100 * accuracy.p90Coverage(),
                    accuracy.bias()));
        }
        line("%s", row);
    }

    private void line(String format, Object... args) {
        report.append(format.formatted(args)).append(System.lineSeparator());
    }
}
