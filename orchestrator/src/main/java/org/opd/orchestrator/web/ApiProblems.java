package org.opd.orchestrator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.ConflictException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.error.UnauthorizedException;
import org.opd.orchestrator.error.UnavailableException;
import org.opd.orchestrator.web.Problems.FieldProblem;
import org.opd.security.RequestTooLargeException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 7807 problem ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, and the problem's own members: {@code errors}
 * for invalid input, {@code currentStatus} for a refused move, {@code field} for a taken value,
 * {@code retryAfterSeconds} (and the {@code Retry-After} header) for a reached rate limit.
 * Spring MVC's own errors (unknown path, wrong method, bad id in a path) come out the same way
 * through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String WRONG_FORMAT = "has the wrong type or format";
    private static final String UNKNOWN_FIELD = "is not a field of this request";
    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler
    ResponseEntity<Object> brokenRule(BusinessRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler
    ResponseEntity<Object> unauthorized(UnauthorizedException e) {
        ResponseEntity<Object> problem = problem(HttpStatus.UNAUTHORIZED, e);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem.getBody());
    }

    @ExceptionHandler
    ResponseEntity<Object> tooManyRequests(TooManyRequestsException e) {
        ResponseEntity<Object> response = problem(HttpStatus.TOO_MANY_REQUESTS, e);
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(response.getBody());
    }

    @ExceptionHandler
    ResponseEntity<Object> unavailable(UnavailableException e) {
        log.warn("{}: {}", e.detail(), String.valueOf(e.getCause()));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e);
    }

    @ExceptionHandler
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "Changed concurrently",
                "Someone else changed this at the same time; read it again and retry");
    }

    /**
     * A row the schema refuses although the input passed validation. Only the constraint's name
     * is logged and shown: the database's message quotes the row, with names and phone numbers.
     */
    @ExceptionHandler
    ResponseEntity<Object> refusedBySchema(DataIntegrityViolationException e) {
        String constraint = constraintOf(e);
        log.warn("Database refused a change: constraint {}", constraint);
        ResponseEntity<Object> response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "constraint-violated",
                "Refused by the database", "The change breaks the database rule " + constraint);
        ((ProblemDetail) response.getBody()).setProperty("constraint", constraint);
        return response;
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            // A value that could not be converted (page=abc) is named, not echoed.
            errors.add(new FieldProblem(error.getField(),
                    error.isBindingFailure() ? WRONG_FORMAT : error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return invalid(errors.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), errors);
    }

    /** A constraint on a query parameter or header ({@code morePendingThan=-1}), named by the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
        }
        return invalid(errors.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), errors);
    }

    /** A path variable, query parameter or header that does not convert (an id that is not a UUID). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return invalid(field + " " + WRONG_FORMAT, List.of(new FieldProblem(field, WRONG_FORMAT)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (tooLarge(e) instanceof RequestTooLargeException tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request too large", tooLarge.getMessage());
        }
        if (cause instanceof JsonMappingException mapping && !(cause instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = messageFor(mapping);
            return invalid(field + " " + message, List.of(new FieldProblem(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body is missing or is not valid JSON");
    }

    private static String messageFor(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return UNKNOWN_FIELD;
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof MismatchedInputException mismatch && isWholeNumber(mismatch.getTargetType())
                && mismatch.getProcessor() instanceof JsonParser parser && parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return "must be a whole number";
        }
        return WRONG_FORMAT;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    /** A body without a declared length that went past the limit while Jackson read it. */
    private static Throwable tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException) {
                return cause;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors) {
        return ResponseEntity.badRequest().body(Problems.invalid(detail, errors));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, ProblemException e) {
        ResponseEntity<Object> response = problem(status, e.type(), e.title(), e.detail());
        e.properties().forEach(((ProblemDetail) response.getBody())::setProperty);
        return response;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, type, title, detail));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String constraintOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
