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
    private final boolean retryable;

    private SendException(Integer httpStatus, String providerCode, Duration retryAfter, boolean retryable,
            String reason, Throwable cause) {
        super(reason, cause);
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /**
     * The provider answered with an error status; {@code retryAfter} is its Retry-After header, if any.
     * Retryable when the status says so: too many requests, or a server error.
     */
    public static SendException refused(int httpStatus, String providerCode, Duration retryAfter, String reason) {
        return refused(httpStatus, providerCode, retryAfter, reason, httpStatus == 429 || httpStatus >= 500);
    }

    /** As {@link #refused(int, String, Duration, String)}, for providers whose error code says more than the status. */
    public static SendException refused(int httpStatus, String providerCode, Duration retryAfter, String reason,
            boolean retryable) {
        return new SendException(httpStatus, providerCode, retryAfter, retryable, reason, null);
    }

    /** No answer came: connection refused, reset, or the request timed out. */
    public static SendException noAnswer(String reason, Throwable cause) {
        return new SendException(null, null, null, true, reason, cause);
    }

    /** The request could not even be made (e.g. it cannot be signed); trying again would not help. */
    public static SendException notSendable(String reason, Throwable cause) {
        return new SendException(null, null, null, false, reason, cause);
    }

    /** The provider's HTTP status, empty when no answer came. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** How long the provider asked us to wait before the next request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether trying again later may succeed: no answer, too many requests, a server error, a throttling code. */
    public boolean retryable() {
        return retryable;
    }

    /** The provider's own error code, if it gave one. */
    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    /** What may be logged: the HTTP status and the provider's error code, or the kind of I/O failure. */
    public String summary() {
        if (httpStatus == null) {
            return (retryable ? "no answer (" : "not sent (")
                    + (getCause() == null ? "unknown" : getCause().getClass().getSimpleName()) + ")";
        }
        return "HTTP " + httpStatus + (providerCode == null ? "" : ", provider error " + providerCode);
    }
}
