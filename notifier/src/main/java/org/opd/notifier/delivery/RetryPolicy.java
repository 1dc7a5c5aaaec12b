package org.opd.notifier.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed message again: exponential back-off from {@code initialBackoff}, doubled per
 * failed attempt up to {@code maxBackoff}, with "equal jitter" (a random point in the upper half) so
 * that messages failed together do not return together; never sooner than the provider's
 * Retry-After. After {@code maxAttempts} attempts, never.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final RandomGenerator random;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /** @param failedAttempts attempts failed so far, the one just made included */
    public Optional<Duration> nextDelay(int failedAttempts, Optional<Duration> retryAfter) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        long backoff = Math.min(maxBackoff.toMillis(),
                initialBackoff.toMillis() << Math.min(failedAttempts - 1, 30));
        long half = backoff / 2;
        Duration delay = Duration.ofMillis(backoff - half + random.nextLong(half + 1));
        return Optional.of(retryAfter.filter(wait -> wait.compareTo(delay) > 0).orElse(delay));
    }
}
