package org.opd.notifier.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket: {@code burst} messages at once, refilled at {@code permitsPerSecond}. Never waits:
 * a caller without a permit is told when the next one is due and comes back then.
 */
final class RateLimiter {

    private final double permitsPerSecond;
    private final int burst;
    private double permits;
    private Instant refilledAt;

    RateLimiter(double permitsPerSecond, int burst, Instant now) {
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.permits = burst;
        this.refilledAt = now;
    }

    /** Takes a permit and returns empty, or returns when the next permit is due and takes none. */
    synchronized Optional<Instant> tryAcquire(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            permits = Math.min(burst, permits + elapsedSeconds * permitsPerSecond);
            refilledAt = now;
        }
        if (permits >= 1) {
            permits -= 1;
            return Optional.empty();
        }
        long nanosToNext = (long) Math.ceil((1 - permits) / permitsPerSecond * 1e9);
        return Optional.of(now.plusNanos(nanosToNext));
    }
}
