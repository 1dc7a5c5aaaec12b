package org.opd.orchestrator.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The automatic no-show ({@code opd.orchestrator.no-show.*}).
 *
 * @param grace         how long a called patient has to come into the cabin before being marked a no-show
 * @param checkInterval how often called tokens are checked
 * @param batchSize     at most this many tokens are marked per check; the rest wait for the next
 */
@Validated
@ConfigurationProperties("opd.orchestrator.no-show")
public record NoShowProperties(@NotNull Duration grace, @NotNull Duration checkInterval,
                               @Positive @Max(10_000) int batchSize) {
}
