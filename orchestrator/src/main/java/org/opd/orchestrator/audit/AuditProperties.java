package org.opd.orchestrator.audit;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The audit trail's storage ({@code opd.orchestrator.audit.*}).
 *
 * @param retention           months of {@code audit_log} wholly older than this are dropped; at least 365 days
 *                            (HIPAA, DPDP), and the database refuses less whatever is configured
 * @param monthsAhead         partitions exist for this month and this many months after it
 * @param maintenanceInterval how often partitions are created ahead and expired ones dropped; also once at start
 */
@Validated
@ConfigurationProperties("opd.orchestrator.audit")
public record AuditProperties(@NotNull @DurationMin(days = 365) Duration retention, @Positive @Max(36) int monthsAhead,
                              @NotNull Duration maintenanceInterval) {
}
