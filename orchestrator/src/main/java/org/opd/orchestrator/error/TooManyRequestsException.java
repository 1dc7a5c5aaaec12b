package org.opd.orchestrator.error;

import java.time.Duration;
import java.util.Map;

/**
 * A limit on how often something may be asked was reached (sign-in codes per phone or per address).
 * Reported as 429 with {@code Retry-After}, in whole seconds, rounded up; nothing has changed.
 */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String type, String detail, Duration retryAfter) {
        super(type, "Too many requests", detail, Map.of("retryAfterSeconds", seconds(retryAfter)));
        this.retryAfter = retryAfter;
    }

    /** How long until the limit lets the request through again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up and at least one, as {@code Retry-After} takes it. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
