package org.opd.orchestrator.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How long idempotency keys are kept ({@code opd.orchestrator.idempotency.*}).
 *
 * @param retention     a retry later than this after the first request runs as a new request
 * @param cleanInterval how often keys past their retention are deleted
 */
@Validated
@ConfigurationProperties("opd.orchestrator.idempotency")
public record IdempotencyProperties(@NotNull Duration retention, @NotNull Duration cleanInterval) {
}
