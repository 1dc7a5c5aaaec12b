package org.opd.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

class AuditOutcomeTest {

    @ParameterizedTest
    @CsvSource({"200, ALLOWED", "201, ALLOWED", "304, ALLOWED", "401, REFUSED", "403, REFUSED", "429, REFUSED",
            "400, FAILED", "404, FAILED", "409, FAILED", "422, FAILED", "500, FAILED", "503, FAILED"})
    void classifiesTheStatus(int status, AuditOutcome outcome) {
        assertThat(AuditOutcome.of(status)).isEqualTo(outcome);
    }

    @Test
    void refusesARetentionShorterThanAYear() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        Set<ConstraintViolation<AuditProperties>> tooShort =
                validator.validate(new AuditProperties(Duration.ofDays(364), 3, Duration.ofHours(6)));
        Set<ConstraintViolation<AuditProperties>> year =
                validator.validate(new AuditProperties(Duration.ofDays(365), 3, Duration.ofHours(6)));

        assertThat(tooShort).extracting(v -> v.getPropertyPath().toString()).containsExactly("retention");
        assertThat(year).isEmpty();
    }
}
