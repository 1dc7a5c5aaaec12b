package org.opd.notifier;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the notifier ({@code opd.notifier.*}); each provider's are in its channel's package.
 *
 * @param statusPageBaseUrl      the orchestrator's public address, where patients follow their token
 * @param statusLinkKey          makes each token's unguessable status link ({@link org.opd.schemas.status.StatusLinks});
 *                               the orchestrator's key ({@code OPD_STATUS_LINK_KEY}); secret, never printed
 * @param defaultLanguage        language of patients without a preferred one ({@code en} or {@code hi})
 * @param topicReplicationFactor replicas of the consumed topics if this service is the first to create them
 */
@Validated
@ConfigurationProperties("opd.notifier")
public record NotifierProperties(
        @NotNull URI statusPageBaseUrl,
        @NotBlank(message = "must be set (OPD_STATUS_LINK_KEY)") String statusLinkKey,
        @NotBlank String defaultLanguage,
        @Positive @Max(Short.MAX_VALUE) int topicReplicationFactor,
        @Valid @NotNull Listener listener,
        @Valid @NotNull Delivery delivery,
        @Valid @NotNull Webhooks webhooks) {

    /**
     * How token events and notification requests are consumed. A record whose handling throws
     * (database down, say) is retried with exponential back-off, {@code maxRetries} times, then
     * logged and skipped.
     *
     * @param concurrency consumers per topic in the group {@code opd-notifier} within this instance
     */
    public record Listener(
            @Positive int concurrency,
            @NotNull Duration retryInitialInterval,
            @NotNull Duration retryMaxInterval,
            @PositiveOrZero int maxRetries) {
    }

    /**
     * How logged messages are handed to providers.
     *
     * @param pollInterval    how often due rows (retries, postponed ones) are looked for; new rows go at once
     * @param workers         messages in flight at once
     * @param maxAttempts     attempts per message before it is FAILED (the first one included)
     * @param initialBackoff  wait before the first retry; doubled per retry, with jitter
     * @param maxBackoff      the longest wait between two attempts
     * @param inFlightTimeout a row whose attempt started longer ago than this, without an outcome,
     *                        belongs to a notifier that stopped mid-send; longer than any request timeout
     */
    public record Delivery(
            @NotNull Duration pollInterval,
            @Positive int workers,
            @Positive int maxAttempts,
            @NotNull Duration initialBackoff,
            @NotNull Duration maxBackoff,
            @NotNull Duration inFlightTimeout) {
    }

    /**
     * Provider status callbacks.
     *
     * @param publicBaseUrl how providers reach this service from outside, e.g. {@code https://notify.hospital.example};
     *                      Twilio signs the full URL it calls, so it must match exactly. Blank: no callbacks asked for
     */
    public record Webhooks(String publicBaseUrl) {

        /** The public URL of one of our callback paths, when providers can reach us. */
        public Optional<URI> url(String path) {
            if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(URI.create(publicBaseUrl.strip().replaceAll("/+$", "") + path));
        }
    }
}
