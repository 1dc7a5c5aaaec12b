package org.opd.notifier.delivery;

import java.time.Duration;

import org.opd.notifier.channel.Channel;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per channel: messages providers accepted, messages given up on, attempts to be retried, messages
 * not sent because they were no longer relevant, provider-confirmed deliveries, and how long the
 * providers took to answer.
 */
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
        failed(channel);
        latency(channel, "failed").record(took);
    }

    void failed(Channel channel) {
        count("opd.notifier.messages.failed", "Messages given up on: refused, retries exhausted, or undelivered", channel);
    }

    void retried(Channel channel, Duration took) {
        count("opd.notifier.messages.retried", "Failed attempts that will be tried again", channel);
        latency(channel, "retried").record(took);
    }

    void skipped(Channel channel) {
        count("opd.notifier.messages.skipped", "Messages not sent because they were no longer relevant", channel);
    }

    void delivered(Channel channel) {
        count("opd.notifier.messages.delivered", "Messages the provider reported delivered", channel);
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
