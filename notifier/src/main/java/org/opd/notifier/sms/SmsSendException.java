package org.opd.notifier.sms;

import java.util.OptionalInt;

/**
 * The provider did not accept a message. The message text is the reason recorded in
 * {@code notifications_log.failed_reason}; it may quote the provider, who may quote the phone
 * number, so logs use {@link #summary()} instead.
 */
public final class SmsSendException extends Exception {

    private final Integer httpStatus;
    private final String providerCode;

    SmsSendException(int httpStatus, String providerCode, String reason) {
        super(reason);
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
    }

    SmsSendException(String reason, Throwable cause) {
        super(reason, cause);
        this.httpStatus = null;
        this.providerCode = null;
    }

    /** The provider's HTTP status, empty when no answer came (connection refused, timeout). */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** What may be logged: the HTTP status and the provider's error code, or the kind of I/O failure. */
    public String summary() {
        if (httpStatus == null) {
            return "no answer (" + (getCause() == null ? "unknown" : getCause().getClass().getSimpleName()) + ")";
        }
        return "HTTP " + httpStatus + (providerCode == null ? "" : ", provider error " + providerCode);
    }
}
