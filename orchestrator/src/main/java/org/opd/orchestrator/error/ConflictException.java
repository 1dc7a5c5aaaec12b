package org.opd.orchestrator.error;

import java.util.Map;

/** The request is well-formed but clashes with the current state of what it touches. */
public class ConflictException extends ProblemException {

    public ConflictException(String type, String title, String detail, Map<String, Object> properties) {
        super(type, title, detail, properties);
    }
}
