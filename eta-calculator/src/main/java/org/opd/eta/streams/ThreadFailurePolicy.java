package org.opd.eta.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * What to do when a stream thread dies: replace it, unless as many threads died within the window
 * already. A passing failure (a transaction the broker fenced on a starved machine, a lost broker)
 * costs one thread and the queue goes on; a failure that comes back at once (the same record failing
 * each time) takes the client to ERROR, so health turns DOWN and the platform restarts the service,
 * rather than replacing threads for ever.
 */
final class ThreadFailurePolicy {

    private final int allowedReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    ThreadFailurePolicy(int allowedReplacements, Duration window, Clock clock) {
        this.allowedReplacements = allowedReplacements;
        this.window = window;
        this.clock = clock;
    }

    synchronized StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onFailure() {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= allowedReplacements) {
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
