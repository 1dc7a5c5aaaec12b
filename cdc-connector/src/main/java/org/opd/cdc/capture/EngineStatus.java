package org.opd.cdc.capture;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** Where the capture engine is in its life, and why it died if it did; written by the engine's supervisor. */
@Component
class EngineStatus {

    enum State {
        NOT_STARTED, STARTING, RUNNING, STOPPED,
        /** Died; a new engine starts at {@link Snapshot#nextAttempt()}. */
        RESTARTING
    }

    /**
     * @param reason      why the last engine died, kept until a new one polls
     * @param restarts    engines started after one died, since the service started
     */
    record Snapshot(State state, String reason, Instant since, Instant nextAttempt, int restarts) {
    }

    private volatile Snapshot current = new Snapshot(State.NOT_STARTED, null, Instant.now(), null, 0);

    Snapshot current() {
        return current;
    }

    synchronized void moveTo(State state) {
        current = new Snapshot(state, null, Instant.now(), null, current.restarts());
    }

    synchronized void restarting(String reason, Instant nextAttempt) {
        current = new Snapshot(State.RESTARTING, reason, Instant.now(), nextAttempt, current.restarts() + 1);
    }
}
