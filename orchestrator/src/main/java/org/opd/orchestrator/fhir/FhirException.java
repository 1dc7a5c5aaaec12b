package org.opd.orchestrator.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/** A refusal of the FHIR API, answered as an {@code OperationOutcome} with this status and issue type. */
class FhirException extends RuntimeException {

    private final HttpStatus status;
    private final IssueType issue;
    private final String expression;

    FhirException(HttpStatus status, IssueType issue, String diagnostics, String expression) {
        super(diagnostics);
        this.status = status;
        this.issue = issue;
        this.expression = expression;
    }

    /** A search or operation parameter that is unknown, repeated where it may not be, or malformed: 400. */
    static FhirException badParameter(String parameter, String why) {
        return new FhirException(HttpStatus.BAD_REQUEST, IssueType.INVALID, "Parameter '" + parameter + "' " + why, parameter);
    }

    static FhirException notFound(String type, String id) {
        return new FhirException(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "Resource " + type + "/" + id + " is not known", null);
    }

    HttpStatus status() {
        return status;
    }

    IssueType issue() {
        return issue;
    }

    String expression() {
        return expression;
    }
}
