package org.opd.orchestrator.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.MDC;

/**
 * Puts the ids a piece of work is about into the logging MDC and, on close, restores what was
 * there before, so that nested scopes and the request-wide ids of the web layer survive.
 */
public final class LogContext implements AutoCloseable {

    public static final String TOKEN_ID = "tokenId";
    public static final String DOCTOR_ID = "doctorId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    public static LogContext token(UUID tokenId, UUID doctorId) {
        return new LogContext().put(TOKEN_ID, tokenId).put(DOCTOR_ID, doctorId);
    }

    public static LogContext doctor(UUID doctorId) {
        return new LogContext().put(DOCTOR_ID, doctorId);
    }

    private LogContext put(String key, UUID value) {
        previous.put(key, MDC.get(key));
        if (value != null) {
            MDC.put(key, value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
