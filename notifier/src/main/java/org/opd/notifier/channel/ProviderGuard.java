package org.opd.notifier.channel;

import java.time.Instant;
import java.util.Optional;

/**
 * What stands between the notifier and one provider: its rate limit, then its circuit breaker.
 * Only the provider's own trouble (5xx, 429, no answer) counts against the breaker; a refused
 * number or message says nothing about the provider's health.
 */
public final class ProviderGuard {

    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;

    public ProviderGuard(ProviderLimits limits, Instant now) {
        this.rateLimiter = new RateLimiter(limits.permitsPerSecond(), limits.burst(), now);
        this.breaker = new CircuitBreaker(limits.failureThreshold(), limits.openDuration());
    }

    /**
     * Empty when a message may go now (a permit was taken), else the time to try it again.
     * The breaker is asked first, so an open circuit does not use up permits.
     */
    public Optional<Instant> admit(Instant now) {
        Optional<Instant> breakerWait = breaker.admit(now);
        if (breakerWait.isPresent()) {
            return breakerWait;
        }
        Optional<Instant> rateWait = rateLimiter.tryAcquire(now);
        rateWait.ifPresent(later -> breaker.release());
        return rateWait;
    }

    public void succeeded() {
        breaker.success();
    }

    public void failed(SendException failure, Instant now) {
        if (failure.retryable()) {
            breaker.failure(now);
        } else {
            // The provider answered sensibly; it is healthy even if this message was refused.
            breaker.success();
        }
    }

    /**
     * Whether the circuit keeps every message back now: the delivery loop then leaves the channel's
     * rows alone rather than claiming each one only to postpone it (issue 11: 108 transactions/s at idle).
     */
    public boolean holdsBack(Instant now) {
        return breaker.holdsBack(now);
    }

    /** Whether the provider is currently shielded from calls (OPEN or probing in HALF_OPEN). */
    public boolean circuitOpen() {
        return breaker.state() != CircuitBreaker.State.CLOSED;
    }
}
