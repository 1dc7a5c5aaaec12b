package org.opd.schemas.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An operations alert raised or resolved, on {@code opd.alerts} (key: {@code type:entityId}),
 * persisted into {@code system_alerts}. The same key raised again updates the open alert;
 * {@code resolved = true} closes it.
 *
 * @param entityType DEPARTMENT, DOCTOR or TOKEN
 * @param metadata   the figures behind the alert (counts, minutes), never patient data
 */
public record OperationsAlert(
        int schemaVersion,
        UUID eventId,
        AlertType type,
        AlertSeverity severity,
        String entityType,
        UUID entityId,
        UUID deptId,
        UUID hospitalId,
        String message,
        Map<String, Object> metadata,
        boolean resolved,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The Kafka key: one open alert per type and entity. */
    public String key() {
        return type + ":" + entityId;
    }
}
