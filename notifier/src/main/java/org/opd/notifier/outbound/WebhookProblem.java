package org.opd.notifier.outbound;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A refusal of the webhook API, answered as an RFC 7807 problem by {@link WebhookProblems}. */
class WebhookProblem extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:opd:problem:";

    private final transient ProblemDetail problem;

    private WebhookProblem(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    ProblemDetail problem() {
        return problem;
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 {@code validation} problem naming each invalid field and why, as the orchestrator's API does. */
    static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                String.join("; ", errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, String> field(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static WebhookProblem invalidField(String field, String message) {
        return new WebhookProblem(invalid(List.of(field(field, message))));
    }

    static WebhookProblem notFound(String what) {
        return new WebhookProblem(of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist"));
    }

    static WebhookProblem conflict(String detail) {
        return new WebhookProblem(of(HttpStatus.CONFLICT, "conflict", "Conflict", detail));
    }
}
