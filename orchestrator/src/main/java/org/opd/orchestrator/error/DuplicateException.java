package org.opd.orchestrator.error;

import java.util.Map;

/** A value that must be unique is already taken. */
public class DuplicateException extends ConflictException {

    /** @param field the request field holding the taken value */
    public DuplicateException(String field, String detail) {
        super("duplicate", "Already exists", detail, Map.of("field", field));
    }
}
