package org.opd.notifier.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling a provider that keeps failing. CLOSED: every call goes; {@code failureThreshold}
 * consecutive failures open it. OPEN: nothing goes for {@code openDuration}. Then HALF_OPEN: one
 * trial call goes; its success closes the circuit, its failure opens it again.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openDuration;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;

    CircuitBreaker(int failureThreshold, Duration openDuration) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
    }

    /** Empty when a call may go now, else when to ask again. */
    synchronized Optional<Instant> admit(Instant now) {
        return switch (state) {
            case CLOSED -> Optional.empty();
            case OPEN -> {
                if (now.isBefore(openUntil)) {
                    yield Optional.of(openUntil);
                }
                state = State.HALF_OPEN;
                yield Optional.empty();
            }
            // The trial is out; the others wait at least as long as it may take to decide.
            case HALF_OPEN -> Optional.of(now.plus(openDuration));
        };
    }

    synchronized void success() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    synchronized void failure(Instant now) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openUntil = now.plus(openDuration);
        }
    }

    /** A call that was admitted but never made: the rate limit held it back. */
    synchronized void release() {
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
        }
    }

    /** Whether no call may go now (OPEN within its duration, or a trial out), without changing the state. */
    synchronized boolean holdsBack(Instant now) {
        return state == State.HALF_OPEN || state == State.OPEN && now.isBefore(openUntil);
    }

    synchronized State state() {
        return state;
    }
}
