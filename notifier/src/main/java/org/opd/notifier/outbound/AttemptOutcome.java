package org.opd.notifier.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * What one call to a receiver came to.
 *
 * @param statusCode the receiver's HTTP status, null when none came (refused, timed out)
 * @param error      why the attempt failed, null for a 2xx answer; never the receiver's body
 */
record AttemptOutcome(Instant startedAt, Duration took, Integer statusCode, String error) {

    boolean delivered() {
        return error == null;
    }
}
