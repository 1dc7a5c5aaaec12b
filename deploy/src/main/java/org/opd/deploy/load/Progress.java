package org.opd.deploy.load;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A line every few seconds while the load runs: moves/s, refusals, HTTP p99 and the lags of the last seconds. */
final class Progress {

    private final RunStats stats;
    private final LagSampler sampler;
    private final long startedAt;
    private final Consumer<String> out;
    private long printedUpTo;

    Progress(RunStats stats, LagSampler sampler, long startedAt, Consumer<String> out) {
        this.stats = stats;
        this.sampler = sampler;
        this.startedAt = startedAt;
        this.out = out;
    }

    void print() {
        long now = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
        if (now <= printedUpTo) {
            return;
        }
        // Whole seconds only: the current one is still filling.
        Map<Long, RunStats.Second> last = stats.seconds().subMap(printedUpTo, true, now, false);
        LatencyHistogram http = new LatencyHistogram(2);
        LatencyHistogram redis = new LatencyHistogram(2);
        long accepted = 0;
        long refused = 0;
        for (RunStats.Second second : last.values()) {
            accepted += second.accepted.sum();
            refused += second.refused.sum();
            second.http.addTo(http);
            second.redis.addTo(redis);
        }
        long seconds = Math.max(1, now - printedUpTo);
        out.accept("%4ds  %7.1f moves/s  refused %d  HTTP p99 %s  Redis lag p99 %s  (total %d, samples pending %d)".formatted(
                now, accepted / (double) seconds, refused, millis(http.percentileMillis(99)), millis(redis.percentileMillis(99)),
                stats.accepted(), sampler.pending()));
        printedUpTo = now;
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : "%.0f ms".formatted(value);
    }
}
