package org.opd.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.error.UnauthorizedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiProblemsTest {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void aReachedLimitIs429WithRetryAfterInWholeSecondsRoundedUp() {
        ResponseEntity<Object> response = problems.tooManyRequests(
                new TooManyRequestsException("too-many-codes", "Too many codes", Duration.ofMillis(61_200)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("62");
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getType().toString()).isEqualTo("urn:opd:problem:too-many-codes");
        assertThat(body.getProperties()).containsEntry("retryAfterSeconds", 62L);
    }

    @Test
    void aRetryAfterIsNeverZero() {
        assertThat(new TooManyRequestsException("t", "d", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void anUnprovenCallerIs401() {
        ResponseEntity<Object> response = problems.unauthorized(new UnauthorizedException("invalid-code", "Invalid code",
                "The code is invalid or has expired"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).isEqualTo("The code is invalid or has expired");
    }
}
