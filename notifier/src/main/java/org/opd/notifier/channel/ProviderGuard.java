package org.opd.notifier.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * What stands between the notifier and one provider: its rate limit, then its circuit breaker
 * (Resilience4j's, used without decorating the call: the delivery loop must never wait on a thread,
 * and a message held back is postponed in {@code notifications_log} to the instant returned here).
 * Only the provider's own trouble (5xx, 429, no answer) counts against the breaker; a refused
 * number or message says nothing about the provider's health.
 *
 * <p>Resilience4j does not say until when an open circuit stays open, so the guard notes it when the
 * circuit opens ({@code openDuration} from then); and it notes whether the one trial call of the
 * half-open circuit is out, so that {@link #holdsBack()} lets the delivery loop claim a row for a trial
 * whenever none is out.
 */
public final class ProviderGuard {

    // The implementation, not the RateLimiter interface: only its detailed metrics say when the next permit is due.
    private final AtomicRateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Duration openDuration;
    // Both guarded by this: they must agree with the breaker's state, which the guard's methods change.
    private Instant openUntil = Instant.MIN;
    private boolean trialOut;

    public ProviderGuard(ProviderLimits limits, Clock clock) {
        this(limits, clock, System::nanoTime);
    }

    /** {@code nanoTime} is the rate limiter's time; tests move it with their clock. */
    ProviderGuard(ProviderLimits limits, Clock clock, Supplier<Long> nanoTime) {
        this.clock = clock;
        this.openDuration = limits.openDuration();
        this.rateLimiter = new AtomicRateLimiter("provider", RateLimiterConfig.custom()
                .limitForPeriod(limits.burst())
                .limitRefreshPeriod(limits.refreshPeriod())
                .timeoutDuration(Duration.ZERO)
                .build(), nanoTime);
        // A window of the last failureThreshold calls, all failed: that many consecutive failures.
        this.breaker = CircuitBreaker.of("provider", CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(limits.failureThreshold())
                .minimumNumberOfCalls(limits.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(openDuration)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // A refusal that would only repeat (a bad number) is a sensible answer: success for the breaker.
                .recordException(e -> e instanceof SendException failure && failure.retryable())
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openUntil = clock.instant().plus(openDuration);
            }
        });
    }

    /**
     * Empty when a message may go now (a permit was taken), else the time to try it again.
     * The breaker is asked first, so an open circuit does not use up permits.
     */
    public synchronized Optional<Instant> admit() {
        Instant now = clock.instant();
        if (!breaker.tryAcquirePermission()) {
            // Open: the trial may go once openUntil has passed. Half-open with the trial out: wait at
            // least as long as the trial may take to decide.
            return Optional.of(breaker.getState() == CircuitBreaker.State.OPEN ? openUntil : now.plus(openDuration));
        }
        if (!rateLimiter.acquirePermission()) {
            // Given back, so that a half-open circuit's trial can go with the next permit.
            breaker.releasePermission();
            return Optional.of(now.plusNanos(rateLimiter.getDetailedMetrics().getNanosToWait()));
        }
        trialOut = breaker.getState() == CircuitBreaker.State.HALF_OPEN;
        return Optional.empty();
    }

    public synchronized void succeeded() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        trialOut = false;
    }

    public synchronized void failed(SendException failure) {
        breaker.onError(0, TimeUnit.NANOSECONDS, failure);
        trialOut = false;
    }

    /**
     * An admitted call that ended without an answer to judge the provider by (the sender failed in our own
     * code): its permission is given back, so a half-open circuit's trial is not counted out for ever.
     */
    public synchronized void abandoned() {
        breaker.releasePermission();
        trialOut = false;
    }

    /**
     * Whether the circuit keeps every message back now: the delivery loop then leaves the channel's
     * rows alone rather than claiming each one only to postpone it (issue 11: 108 transactions/s at idle).
     */
    public synchronized boolean holdsBack() {
        return switch (breaker.getState()) {
            case OPEN -> !clock.instant().isAfter(openUntil);
            case HALF_OPEN -> trialOut;
            default -> false;
        };
    }

    /** Whether the provider is currently shielded from calls (OPEN or probing in HALF_OPEN). */
    public boolean circuitOpen() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }
}
