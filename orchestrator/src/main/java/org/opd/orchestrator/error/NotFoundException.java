package org.opd.orchestrator.error;

import java.util.Map;

/** What the request names does not exist. */
public class NotFoundException extends ProblemException {

    /** @param resource what was looked for, e.g. "hospital" */
    public NotFoundException(String resource, Object id) {
        this("not-found", "Not found", "No " + resource + " with id " + id, Map.of("resource", resource));
    }

    protected NotFoundException(String type, String title, String detail, Map<String, Object> properties) {
        super(type, title, detail, properties);
    }
}
