package org.opd.deploy.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out the moments moves are due at a fixed rate from the start (an open schedule: when the
 * system answers slower than the rate, due moves pile up and go as soon as a client is free, so
 * the offered load is not lowered by the system's own slowness); with rate 0, no waiting at all.
 */
final class Pacer {

    private final double rate;
    private final long startedAt;
    private final long endsAt;
    private final AtomicLong handedOut = new AtomicLong();

    Pacer(double rate, long startedAt, long endsAt) {
        this.rate = rate;
        this.startedAt = startedAt;
        this.endsAt = endsAt;
    }

    /** Waits until the next move is due; false when the load is over. */
    boolean awaitNext() {
        long due = rate == 0 ? System.nanoTime() : startedAt + (long) (handedOut.getAndIncrement() * 1e9 / rate);
        if (due >= endsAt) {
            return false;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return System.nanoTime() < endsAt;
    }
}
