package org.opd.notifier.channel;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How one provider is protected from us and we from it ({@code opd.notifier.<channel>.limits.*}).
 *
 * <p>The rate limit is a fixed window (Resilience4j's): {@code burst} messages in each window of
 * {@code burst / permitsPerSecond}, the windows following each other from the notifier's start.
 * On average that is {@code permitsPerSecond}, as a token bucket would allow, but unlike one: a
 * message beyond the burst waits for the next window (up to the whole window, 2 s for 20 at 10/s,
 * where a bucket would let it go after 1/10 s), and the end of one window and the start of the next
 * may together let up to twice the burst go within a moment.
 *
 * @param permitsPerSecond messages per second sent at most, on average
 * @param burst            messages that may go out at once, and at most in each window
 * @param failureThreshold consecutive provider failures (5xx, 429, no answer) that open the circuit
 * @param openDuration     how long an open circuit sends nothing before one trial message
 */
public record ProviderLimits(
        @Positive double permitsPerSecond,
        @Positive int burst,
        @Positive int failureThreshold,
        @NotNull Duration openDuration) {

    /** The rate limiter's window: {@code burst} permits at {@code permitsPerSecond}, never shorter than 1 ns. */
    Duration refreshPeriod() {
        return Duration.ofNanos(Math.max(1, Math.round(burst * 1e9 / permitsPerSecond)));
    }
}
