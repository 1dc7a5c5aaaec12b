package org.opd.eta.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.estimate.SeedFormulaEtaEstimator;

/**
 * The ETA accuracy benchmark: consecutive simulated OPD mornings ({@link OpdDay}) of one or more
 * hospitals ({@link OpdStaff}, seeds 1..h), each hospital's days replayed through one topology, with the
 * learned model and with the seed formula side by side: the seed as written (the target's baseline)
 * and, for reference, the seed without its double count of the running consultation. A hospital's
 * first day is a cold start (the model knows only the configured averages); on later days it also
 * knows what it learned the days before. Not part of the default test run ({@link EtaAccuracyTest} is
 * the regression check); run with
 * {@code mvn -B -ntp -q -pl eta-calculator -am test -Dtest=EtaAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dopd.benchmark.hospitals=1 -Dopd.benchmark.days=10}
 * and read {@code eta-calculator/target/eta-accuracy.txt} ({@code -Dopd.benchmark.details=true} adds
 * every patient's figures; {@code -Dopd.benchmark.announcedEndLaterMinutes=60} replays the same days with
 * the shift announced to end an hour later than it does).
 */
class EtaAccuracyBenchmark {

    private final StringBuilder report = new StringBuilder();

    @Test
    void reportsAccuracyOfTheModelAndTheSeedFormula() throws IOException {
        int hospitals = Integer.getInteger("opd.benchmark.hospitals", 1);
        int days = Integer.getInteger("opd.benchmark.days", 10);
        boolean details = Boolean.getBoolean("opd.benchmark.details");
        Duration announcedEndLater = Duration.ofMinutes(Integer.getInteger("opd.benchmark.announcedEndLaterMinutes", 0));
        line("shift end announced %d min after the real one", announcedEndLater.toMinutes());
        // Per estimator (model, seed as written, kind seed): every patient of every hospital and day.
        List<List<EtaReplay.Shown>> everyone = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        line("%-12s %9s | %10s %13s %11s | %10s %13s %11s | %10s %13s %11s", "day", "patients", "model MAE", "model P90 cov",
                "model bias", "seed MAE", "seed P90 cov", "seed bias", "kind MAE", "kind P90 cov", "kind bias");
        for (int h = 1; h <= hospitals; h++) {
            OpdStaff staff = OpdStaff.hire(h);
            List<OpdDay> simulated = IntStream.rangeClosed(1, days).mapToObj(d -> OpdDay.simulate(staff, d, announcedEndLater)).toList();
            List<List<List<EtaReplay.Shown>>> byEstimator = EtaReplay.replayEach(simulated,
                    List.of(LearnedEtaEstimator::new, SeedFormulaEtaEstimator::asWritten, SeedFormulaEtaEstimator::withoutDoubleCount));
            for (int d = 0; d < days; d++) {
                int day = d;
                row("h%d day %d".formatted(h, d + 1), byEstimator.stream().map(byDay -> byDay.get(day)).toList());
                if (details) {
                    details(byEstimator.get(0).get(d), byEstimator.get(1).get(d));
                }
            }
            for (int e = 0; e < everyone.size(); e++) {
                byEstimator.get(e).forEach(everyone.get(e)::addAll);
            }
        }
        summary("first days", everyone, shown -> shown.day() == 1);
        if (days > 1) {
            summary("later days", everyone, shown -> shown.day() > 1);
            summary("all", everyone, shown -> true);
        }
        line("by what the check-in could not tell (all days):");
        for (OpdDay.Unforeseen unforeseen : OpdDay.Unforeseen.values()) {
            summary(unforeseen.name(), everyone, shown -> shown.unforeseen() == unforeseen);
        }
        line("by the pace of the doctor against the configured average (all days):");
        for (OpdStaff.Pace pace : OpdStaff.Pace.values()) {
            summary(pace.name(), everyone, shown -> shown.pace() == pace);
        }
        line("by priority (all days):");
        for (int priority = 1; priority <= 3; priority++) {
            int only = priority;
            summary("priority " + priority, everyone, shown -> shown.priority() == only);
        }
        line("by the real wait (all days):");
        int[] bounds = {0, 15, 30, 60, Integer.MAX_VALUE};
        for (int b = 0; b + 1 < bounds.length; b++) {
            int from = bounds[b];
            int to = bounds[b + 1];
            summary(to == Integer.MAX_VALUE ? from + "+ min" : from + "-" + to + " min", everyone,
                    shown -> shown.actualMinutes() >= from && shown.actualMinutes() < to);
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "eta-accuracy.txt"), report);
    }

    /** One row over the patients {@code which} selects, per estimator, and the MAE ratios against the seed's two readings. */
    private void summary(String label, List<List<EtaReplay.Shown>> byEstimator, Predicate<EtaReplay.Shown> which) {
        List<EtaReplay.Accuracy> accuracies = byEstimator.stream()
                .map(shown -> EtaReplay.Accuracy.of(shown.stream().filter(which).toList()))
                .toList();
        line("%-12s %9d%s", label, accuracies.get(0).patients(), columns(accuracies));
        line("  %s: model MAE / seed MAE = %.2f; model MAE / kind seed MAE = %.2f", label,
                accuracies.get(0).meanAbsoluteError() / accuracies.get(1).meanAbsoluteError(),
                accuracies.get(0).meanAbsoluteError() / accuracies.get(2).meanAbsoluteError());
    }

    private void row(String label, List<List<EtaReplay.Shown>> shownByEstimator) {
        List<EtaReplay.Accuracy> accuracies = shownByEstimator.stream().map(EtaReplay.Accuracy::of).toList();
        line("%-12s %9d%s", label, accuracies.get(0).patients(), columns(accuracies));
    }

    private static String columns(List<EtaReplay.Accuracy> accuracies) {
        StringBuilder columns = new StringBuilder();
        for (EtaReplay.Accuracy accuracy : accuracies) {
            columns.append(" | %10.1f %12.1f%% %+11.1f".formatted(accuracy.meanAbsoluteError(), 100 * accuracy.p90Coverage(),
                    accuracy.bias()));
        }
        return columns.toString();
    }

    private void details(List<EtaReplay.Shown> model, List<EtaReplay.Shown> seed) {
        Map<UUID, EtaReplay.Shown> bySeed = new HashMap<>();
        seed.forEach(shown -> bySeed.put(shown.tokenId(), shown));
        model.stream().sorted(Comparator.comparing(EtaReplay.Shown::tokenNumber)).forEach(shown -> line(
                "  %s position %d waited %.0f min; model %d/%d, seed %d/%d", shown.tokenNumber(), shown.position(),
                shown.actualMinutes(), shown.p50(), shown.p90(), bySeed.get(shown.tokenId()).p50(),
                bySeed.get(shown.tokenId()).p90()));
    }

    private void line(String format, Object... args) {
        report.append(format.formatted(args)).append(System.lineSeparator());
    }
}
