package org.opd.deploy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a run measured and whether the stores agreed at its end, as text for the terminal, as
 * JSON ({@code load-<time>.json}) and as a plot of rate and lags over time ({@code load-<time>.png}).
 *
 * @param drain time from the end of the load until every sample was seen and the stores agreed; null if not within the drain timeout
 */
record RunReport(LoadOptions options, int doctors, Duration load, Duration drain, RunStats stats, int samplesUnseen, int tokens,
                 InvariantCheck.Result check) {

    double acceptedPerSecond() {
        return stats.accepted() / (load.toNanos() / 1e9);
    }

    boolean passed() {
        return check.passed() && drain != null;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("Load: %s for %.1f s over %d doctors, %d clients: %d moves accepted (%.1f/s), %d refused %s, %d unanswered; %d tokens%n"
                .formatted(options.rate() == 0 ? "as fast as possible" : "%.0f moves/s offered".formatted(options.rate()),
                        load.toNanos() / 1e9, doctors, options.clients(), stats.accepted(), acceptedPerSecond(), stats.refused(),
                        stats.refusedByStatus(), stats.unansweredCount(), tokens));
        text.append("Moves accepted by kind: ").append(stats.acceptedByKind()).append(System.lineSeparator());
        text.append(line("HTTP answer (accepted moves)", stats.http().summary()));
        text.append(line("API answer -> Redis", stats.redis().summary()));
        text.append(line("API answer -> notification log", stats.notification().summary()));
        text.append(drain == null ? "Not caught up within %s after the load (%d samples never seen)%n".formatted(options.drainTimeout(), samplesUnseen)
                : "Caught up %.1f s after the load ended%n".formatted(drain.toNanos() / 1e9));
        text.append("Check (%d tokens left out: a move without an answer):%n".formatted(check.uncertainTokens()));
        for (InvariantCheck.Finding finding : check.findings()) {
            text.append("  %-22s %s  (%d checked, %d violations)%s%n".formatted(finding.property(), finding.holds() ? "holds" : "BROKEN",
                    finding.checked(), finding.violations(), finding.examples().isEmpty() ? "" : " e.g. " + finding.examples()));
        }
        text.append(passed() ? "PASSED" : "FAILED").append(System.lineSeparator());
        return text.toString();
    }

    private static String line(String what, LatencyHistogram.Summary s) {
        return s.count() == 0 ? "%-32s no samples%n".formatted(what)
                : "%-32s p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  max %8.1f ms  (%d samples)%n"
                        .formatted(what, s.p50(), s.p95(), s.p99(), s.max(), s.count());
    }

    /** Writes the JSON and the PNG into the run's output directory; returns their paths. */
    List<Path> write(ObjectMapper json, Instant startedAt) throws IOException {
        Files.createDirectories(options.out());
        String name = "load-" + startedAt.toString().replace(':', '-');
        Path summary = options.out().resolve(name + ".json");
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summary.toFile(), asJson(startedAt));
        Path plot = options.out().resolve(name + ".png");
        LagPlot.write(stats, plot, "%s, %d doctors, %d clients".formatted(
                options.rate() == 0 ? "as fast as possible" : "%.0f moves/s offered".formatted(options.rate()), doctors, options.clients()));
        return List.of(summary, plot);
    }

    private Map<String, Object> asJson(Instant startedAt) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("startedAt", startedAt.toString());
        root.put("options", Map.of("rate", options.rate() == 0 ? "max" : options.rate(), "durationSeconds", options.duration().toSeconds(),
                "clients", options.clients(), "hospitals", options.hospitals(), "departments", options.departments(),
                "doctorsPerDepartment", options.doctors(), "sampleEvery", options.sampleEvery()));
        root.put("loadSeconds", load.toNanos() / 1e9);
        root.put("acceptedMoves", stats.accepted());
        root.put("acceptedPerSecond", acceptedPerSecond());
        root.put("acceptedByKind", stats.acceptedByKind());
        root.put("refusedByStatus", stats.refusedByStatus());
        root.put("unanswered", stats.unansweredCount());
        root.put("tokens", tokens);
        root.put("httpMillis", stats.http().summary());
        root.put("redisLagMillis", stats.redis().summary());
        root.put("notificationLogLagMillis", stats.notification().summary());
        root.put("drainSeconds", drain == null ? null : drain.toNanos() / 1e9);
        root.put("samplesUnseen", samplesUnseen);
        root.put("check", Map.of("passed", check.passed(), "uncertainTokens", check.uncertainTokens(), "findings", check.findings()));
        List<Map<String, Object>> seconds = new ArrayList<>();
        stats.seconds().forEach((second, s) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", second);
            row.put("accepted", s.accepted.sum());
            row.put("refused", s.refused.sum());
            row.put("httpP99", s.http.percentileMillis(99));
            row.put("redisLagP99", s.redis.percentileMillis(99));
            row.put("notificationLogLagP99", s.notification.percentileMillis(99));
            seconds.add(row);
        });
        root.put("perSecond", seconds);
        return root;
    }
}
