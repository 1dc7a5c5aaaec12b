package org.opd.orchestrator.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the API's RFC 7807 problems, for the controller advice and for filters that answer before any controller. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:opd:problem:";

    /** One invalid part of the input: a body field, a query parameter or a header. */
    public record FieldProblem(String field, String message) {
    }

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 {@code validation} problem listing each invalid field and why. */
    public static ProblemDetail invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
