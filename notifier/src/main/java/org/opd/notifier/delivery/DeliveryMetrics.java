package org.opd.notifier.delivery;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Messages handed to providers per channel, those refused, and how long the providers took. */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(Channel channel, Duration took) {
        count("opd.notifier.messages.sent", "Messages a provider accepted", channel);
        latency(channel, "sent").record(took);
    }

    void failed(Channel channel, Duration took) {
        count("opd.notifier.messages.failed", "Messages a provider refused or did not answer", channel);
        latency(channel, "failed").record(took);
    }

    private void count(String name, String description, Channel channel) {
        Counter.builder(name).description(description).tag("channel", channel.name()).register(registry).increment();
    }

    private Timer latency(Channel channel, String outcome) {
        return Timer.builder("opd.notifier.send.latency")
                .description("How long one call to the provider took")
                .tag("channel", channel.name())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }
}
