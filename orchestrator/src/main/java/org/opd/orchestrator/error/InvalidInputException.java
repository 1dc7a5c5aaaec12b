package org.opd.orchestrator.error;

import java.util.List;
import java.util.Map;

/**
 * Input outside a request body that is not valid (a header such as {@code If-Match}); reported
 * like invalid body fields, as a 400 {@code validation} problem naming the input and why.
 */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String message) {
        super("validation", "Invalid request", field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
