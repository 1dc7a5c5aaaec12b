package org.opd.notifier.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The webhook API's errors as {@code application/problem+json}: invalid input with {@code errors: [{field,
 * message}]} (a value is named, never echoed), unknown ids 404, a refused replay 409; Spring MVC's own errors
 * (bad id in a path, wrong method) the same way.
 */
@RestControllerAdvice(assignableTypes = WebhookSubscriptionsController.class)
class WebhookProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<Object> refused(WebhookProblem e) {
        return ResponseEntity.status(e.problem().getStatus()).body(e.problem());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(WebhookProblem.field(error.getField(),
                    error.isBindingFailure() ? "has the wrong type or format" : error.getDefaultMessage()));
        }
        return ResponseEntity.badRequest().body(WebhookProblem.invalid(errors));
    }

    /** A constraint on a query parameter ({@code limit=0}), named by the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(WebhookProblem.field(name, error.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(WebhookProblem.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
                : "body";
        ProblemDetail problem = WebhookProblem.invalid(List.of(WebhookProblem.field(field, "has the wrong type or format")));
        return ResponseEntity.badRequest().body(problem);
    }
}
