package org.opd.notifier.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A provider did not accept a message. The message text is the reason recorded in
 * {@code notifications_log.failed_reason}; it may quote the provider, who may quote the phone
 * number, so logs use {@link #summary()} instead.
 *
 * <p>{@link #retryable()} tells a passing trouble (5xx, 429, no answer) from a refusal that would
 * only repeat (a bad number, wrong credentials).
 */
public final class SendException extends Exception {

    private final Integer httpStatus;
    private final String providerCode;
    private final Duration retryAfter;

    private SendException(Integer httpStatus, String providerCode, Duration retryAfter, String reason, Throwable cause) {
        super(reason, cause);
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
    }

    /** The provider answered with an error status; {@code retryAfter} is its Retry-After header, if any. */
    public static SendException refused(int httpStatus, String providerCode, Duration retryAfter, String reason) {
        return new SendException(httpStatus, providerCode, retryAfter, reason, null);
    }

    /** No answer came: connection refused, reset, or the request timed out. */
    public static SendException noAnswer(String reason, Throwable cause) {
        return new SendException(null, null, null, reason, cause);
    }

    /** The provider's HTTP status, empty when no answer came. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** How long the provider asked us to wait before the next request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether trying again later may succeed: no answer, too many requests, or a server error. */
    public boolean retryable() {
        return httpStatus == null || httpStatus == 429 || httpStatus >= 500;
    }

    /** What may be logged: the HTTP status and the provider's error code, or the kind of I/O failure. */
    public String summary() {
        if (httpStatus == null) {
            return "no answer (" + (getCause() == null ? "unknown" : getCause().getClass().getSimpleName()) + ")";
        }
        return "HTTP " + httpStatus + (providerCode == null ? "" : ", provider error " + providerCode);
    }
}
