package org.opd.orchestrator.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The monthly partitions of {@code tokens} and the archive ({@code opd.orchestrator.token-storage.*}).
 *
 * @param archiveAfter        tokens of days longer ago than this move to {@code tokens_archive} (whole days)
 * @param monthsAhead         partitions exist for this month and this many months after it
 * @param maintenanceInterval how often partitions are created ahead and old tokens archived; also once at start
 */
@Validated
@ConfigurationProperties("opd.orchestrator.token-storage")
public record TokenStorageProperties(@NotNull Duration archiveAfter, @Positive @Max(36) int monthsAhead,
                                     @NotNull Duration maintenanceInterval) {
}
