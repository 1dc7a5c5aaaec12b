package org.opd.notifier;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the notifier ({@code opd.notifier.*}); the SMS provider's are in
 * {@link org.opd.notifier.sms.SmsProperties}.
 *
 * @param statusPageBaseUrl      where patients follow their token: messages link to {@code {this}/tokens/{tokenId}}
 * @param topicReplicationFactor replicas of {@code opd.token-events} if this service is the first to create it
 */
@Validated
@ConfigurationProperties("opd.notifier")
public record NotifierProperties(
        @NotNull URI statusPageBaseUrl,
        @Positive @Max(Short.MAX_VALUE) int topicReplicationFactor,
        @Valid @NotNull Listener listener) {

    /**
     * How token events are consumed. A record whose handling throws (database down, say) is
     * retried with exponential back-off, {@code maxRetries} times, then logged and skipped.
     *
     * @param concurrency consumers in the group {@code opd-notifier} within this instance
     */
    public record Listener(
            @Positive int concurrency,
            @NotNull Duration retryInitialInterval,
            @NotNull Duration retryMaxInterval,
            @PositiveOrZero int maxRetries) {
    }
}
