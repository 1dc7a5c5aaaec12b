package org.opd.notifier.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How hospital systems' webhooks are delivered ({@code opd.notifier.outbound-webhooks.*}).
 *
 * @param maxAttempts       attempts per delivery before it is FAILED (the first one included)
 * @param initialBackoff    wait before the first retry; doubled per retry, with jitter
 * @param maxBackoff        the longest wait between two attempts
 * @param pollInterval      how often due deliveries (retries) are looked for; new ones go at once
 * @param workers           deliveries in flight at once
 * @param connectTimeout    to open the connection to the receiver
 * @param requestTimeout    for the receiver's answer; a slower receiver's attempt fails
 * @param inFlightTimeout   a delivery claimed longer ago than this without an outcome belongs to a notifier that
 *                          stopped mid-send: it is sent again (same event id); longer than {@code requestTimeout}
 * @param allowHttpLoopback accept {@code http://} targets on the loopback interface (tests, a local receiver);
 *                          every other target must be {@code https://}
 */
@Validated
@ConfigurationProperties("opd.notifier.outbound-webhooks")
public record OutboundWebhookProperties(
        @Positive int maxAttempts,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration pollInterval,
        @Positive int workers,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @NotNull Duration inFlightTimeout,
        boolean allowHttpLoopback) {
}
