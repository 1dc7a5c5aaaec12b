package org.opd.notifier.channel;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How one provider is protected from us and we from it ({@code opd.notifier.<channel>.limits.*}).
 *
 * @param permitsPerSecond messages per second sent at most, on average (token bucket)
 * @param burst            messages that may go out at once after a quiet spell
 * @param failureThreshold consecutive provider failures (5xx, 429, no answer) that open the circuit
 * @param openDuration     how long an open circuit sends nothing before one trial message
 */
public record ProviderLimits(
        @Positive double permitsPerSecond,
        @Positive int burst,
        @Positive int failureThreshold,
        @NotNull Duration openDuration) {
}
