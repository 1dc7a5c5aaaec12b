package org.opd.orchestrator.error;

import java.util.Map;

/**
 * A refusal the API reports as an RFC 7807 problem. The subclass says which kind (not found,
 * conflict, broken rule, unavailable); {@code type} names the problem within that kind and
 * {@code properties} are the extra members of the problem body.
 */
public abstract class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final transient Map<String, Object> properties;

    protected ProblemException(String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
