package org.opd.orchestrator.error;

import java.util.Map;

/** A dependency the answer needs (the live queue in Redis) does not answer right now. */
public class UnavailableException extends ProblemException {

    public UnavailableException(String type, String title, String detail, Throwable cause) {
        super(type, title, detail, Map.of());
        initCause(cause);
    }
}
