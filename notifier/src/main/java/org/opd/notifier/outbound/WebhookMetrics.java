package org.opd.notifier.outbound;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Attempts by outcome ({@code delivered}, {@code retried}, {@code failed} — the last one of a delivery that
 * ran out —, {@code skipped} for an inactive subscription) and how long receivers took to answer.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempted(String outcome, Duration took) {
        count(outcome);
        Timer.builder("opd.notifier.webhook.latency")
                .description("How long one call to a hospital system's webhook took")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry)
                .record(took);
    }

    void skipped() {
        count("skipped");
    }

    private void count(String outcome) {
        Counter.builder("opd.notifier.webhook.deliveries")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
