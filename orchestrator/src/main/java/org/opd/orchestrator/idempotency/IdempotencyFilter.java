package org.opd.orchestrator.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.opd.orchestrator.web.Problems;
import org.opd.orchestrator.web.Problems.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} for every POST of the API. The request runs inside one transaction
 * that first claims the key; the controller's services join it, and a successful answer is
 * stored with the key before it commits. So the change and its key are kept together or not at
 * all: a retry with the same key and request gets the first answer again and changes nothing;
 * the same key with another request is refused (422); a refused first try (4xx, 5xx) keeps
 * nothing, so the corrected request may reuse its key. The answer is held back until the
 * commit, so a client never sees an answer whose change was rolled back.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** Marks an answer given again from the key's store rather than by running the request. */
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String KEY_RULE = "must be 1 to " + MAX_KEY_LENGTH + " characters, not blank";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final ObjectMapper json;
    private final Counter replays;
    private final Counter refusals;

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ObjectMapper json,
                      MeterRegistry registry) {
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
        this.replays = outcome(registry, "replayed");
        this.refusals = outcome(registry, "key-reused");
    }

    /** {@code opd_idempotency_retries_total{outcome}}: how often clients retry, and how often with a wrong body. */
    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("opd.idempotency.retries")
                .description("Requests that came with an Idempotency-Key already used")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            write(response, Problems.invalid(HEADER + " " + KEY_RULE, List.of(new FieldProblem(HEADER, KEY_RULE))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            Optional<IdempotencyKeys.Earlier> earlier = keys.claim(key, fingerprint);
            if (earlier.isPresent()) {
                transactions.rollback(transaction);
                replayOrRefuse(earlier.get(), fingerprint, response);
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), answer);
            if (HttpStatus.valueOf(answer.getStatus()).is2xxSuccessful()) {
                keys.answer(key, new StoredResponse(answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                        new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8)));
                transactions.commit(transaction);
            } else {
                transactions.rollback(transaction);
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        }
        answer.copyBodyToResponse();
    }

    private void replayOrRefuse(IdempotencyKeys.Earlier earlier, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!earlier.requestHash().equals(fingerprint)) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency key reused", "This " + HEADER + " was first used for another request");
            problem.setProperty("field", HEADER);
            refusals.increment();
            write(response, problem);
            return;
        }
        StoredResponse stored = earlier.response();
        replays.increment();
        log.info("Answered a retry from its idempotency key ({})", stored.status());
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** What makes two requests the same: method, path, query and the exact body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
