package org.opd.orchestrator.fhir;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.ConflictException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.error.UnauthorizedException;
import org.opd.orchestrator.error.UnavailableException;
import org.opd.security.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every refusal under {@code /fhir} as an {@code OperationOutcome} with its HTTP status: the application's
 * own (404, 400, 409, 422, 503), Spring MVC's (unknown path 404, wrong method 405, wrong media type 406 /
 * 415, unreadable body 400) and Spring Security's (401 with the bearer challenge, 403). First of the
 * exception resolvers, for {@code /fhir} requests only; the rest of the API keeps its problem+json.
 */
final class FhirErrors implements HandlerExceptionResolver, Ordered, AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirContext fhir;
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler insufficient = new BearerTokenAccessDeniedHandler();

    FhirErrors(FhirContext fhir) {
        this.fhir = fhir;
    }

    static boolean isFhir(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(FhirConfiguration.BASE) || path.startsWith(FhirConfiguration.BASE + "/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isFhir(request) || response.isCommitted()) {
            return null;
        }
        try {
            answer(request, response, e);
        } catch (IOException io) {
            log.warn("Could not write an OperationOutcome: {}", io.toString());
        }
        return new ModelAndView();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        if (e instanceof FhirException f) {
            write(response, f.status(), f.issue(), f.getMessage(), f.expression());
        } else if (e instanceof NotFoundException p) {
            write(response, HttpStatus.NOT_FOUND, IssueType.NOTFOUND, p.detail(), null);
        } else if (e instanceof InvalidInputException p) {
            write(response, HttpStatus.BAD_REQUEST, IssueType.INVALID, p.detail(), field(p));
        } else if (e instanceof ConflictException p) {
            write(response, HttpStatus.CONFLICT, IssueType.CONFLICT, p.detail(), field(p));
        } else if (e instanceof BusinessRuleException p) {
            write(response, HttpStatus.UNPROCESSABLE_ENTITY, IssueType.BUSINESSRULE, p.detail(), field(p));
        } else if (e instanceof UnavailableException p) {
            log.warn("{}: {}", p.detail(), String.valueOf(p.getCause()));
            write(response, HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT, p.detail(), null);
        } else if (e instanceof TooManyRequestsException p) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(p.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, IssueType.THROTTLED, p.detail(), null);
        } else if (e instanceof UnauthorizedException p) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, IssueType.LOGIN, p.detail(), null);
        } else if (e instanceof ProblemException p) {
            write(response, HttpStatus.BAD_REQUEST, IssueType.PROCESSING, p.detail(), null);
        } else if (e instanceof OptimisticLockingFailureException) {
            write(response, HttpStatus.CONFLICT, IssueType.CONFLICT, "Changed concurrently; read it again and retry", null);
        } else if (e instanceof AccessDeniedException denied) {
            handle(request, response, denied);
        } else if (e instanceof MissingServletRequestParameterException m) {
            write(response, HttpStatus.BAD_REQUEST, IssueType.REQUIRED, "Parameter '" + m.getParameterName() + "' is required",
                    m.getParameterName());
        } else if (e instanceof TypeMismatchException m) {
            write(response, HttpStatus.BAD_REQUEST, IssueType.INVALID, "Parameter '" + m.getPropertyName() + "' has the wrong format",
                    m.getPropertyName());
        } else if (e instanceof HttpMessageNotReadableException || e instanceof DataFormatException) {
            write(response, HttpStatus.BAD_REQUEST, IssueType.STRUCTURE,
                    "The request body is missing or is not a FHIR resource in JSON", null);
        } else if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            write(response, HttpStatus.NOT_FOUND, IssueType.NOTSUPPORTED,
                    "This server serves no such resource type or operation (see " + FhirConfiguration.BASE + "/metadata)", null);
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", m.getSupportedMethods() == null ? new String[0] : m.getSupportedMethods()));
            write(response, HttpStatus.METHOD_NOT_ALLOWED, IssueType.NOTSUPPORTED,
                    "Method " + m.getMethod() + " is not supported here: the resources are read-only", null);
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            write(response, HttpStatus.NOT_ACCEPTABLE, IssueType.NOTSUPPORTED, "Only application/fhir+json is served", null);
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, IssueType.NOTSUPPORTED, "Send application/fhir+json", null);
        } else {
            log.error("FHIR request failed", e);
            write(response, HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION,
                    "The request failed on the server; it has been logged", null);
        }
    }

    /** 401 with the RFC 6750 challenge. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        challenge.commence(request, response, e);
        write(response, HttpStatus.UNAUTHORIZED, IssueType.LOGIN,
                e.getMessage() == null || e.getMessage().startsWith("Full authentication")
                        ? "This call needs a valid access token (Authorization: Bearer …)"
                        : "The access token was refused: " + e.getMessage(), null);
    }

    /** 403 naming what was missing. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        insufficient.handle(request, response, e);
        String missing = e instanceof PermissionDeniedException denied ? denied.permission() : "a role allowed to make this call";
        write(response, HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, "The caller's roles do not allow this: it needs " + missing, null);
    }

    private static String field(ProblemException p) {
        Object field = p.properties().get("field");
        if (field == null && p.properties().get("errors") instanceof java.util.List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof java.util.Map<?, ?> first) {
            field = first.get("field");
        }
        return field == null ? null : field.toString();
    }

    OperationOutcome outcome(IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    void write(HttpServletResponse response, HttpStatus status, IssueType type, String diagnostics, String expression)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(FhirJsonConverter.FHIR_JSON + ";charset=UTF-8");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(outcome(type, diagnostics, expression), writer);
        writer.flush();
    }
}
