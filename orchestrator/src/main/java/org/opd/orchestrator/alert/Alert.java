package org.opd.orchestrator.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.schemas.alert.AlertSeverity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operations alert as the eta-calculator recorded it in {@code system_alerts}, returned as it is.
 *
 * @param entityType DEPARTMENT, DOCTOR or TOKEN
 * @param hospitalId the hospital of the entity; null when the entity is gone (an archived token)
 * @param metadata   the figures behind the alert (counts, minutes)
 * @param acknowledgedAt when an operator took it on (null until then); times in the hospital's time zone
 * @param createdAt  in the hospital's time zone, UTC when the hospital is not known
 */
public record Alert(
        UUID alertId,
        String alertType,
        AlertSeverity severity,
        String entityType,
        UUID entityId,
        UUID hospitalId,
        String message,
        JsonNode metadata,
        boolean resolved,
        OffsetDateTime resolvedAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime createdAt) {
}
