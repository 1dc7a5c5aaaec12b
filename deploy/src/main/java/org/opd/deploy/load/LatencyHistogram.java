package org.opd.deploy.load;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/** Latencies in microseconds, up to 10 minutes, recorded from many threads. */
final class LatencyHistogram {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram micros;

    LatencyHistogram(int significantDigits) {
        this.micros = new ConcurrentHistogram(HIGHEST_MICROS, significantDigits);
    }

    void record(long nanos) {
        micros.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    long count() {
        return micros.getTotalCount();
    }

    /** The percentile in milliseconds; NaN when nothing was recorded. */
    double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
    }

    void addTo(LatencyHistogram total) {
        total.micros.add(micros);
    }

    Summary summary() {
        return new Summary(count(), percentileMillis(50), percentileMillis(95), percentileMillis(99), maxMillis());
    }

    /** Count and milliseconds, as the report shows them. */
    record Summary(long count, double p50, double p95, double p99, double max) {
    }
}
