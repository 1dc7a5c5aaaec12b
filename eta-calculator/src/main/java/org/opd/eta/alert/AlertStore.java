package org.opd.eta.alert;

import java.sql.Timestamp;

import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.JsonSerde;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Keeps {@code system_alerts} in line with the alerts on {@code opd.alerts}: one open row per
 * (alert type, entity); raising again updates it, resolving closes it. Replays change nothing: a raise
 * is inserted under its event id, so a replayed raise of an alert already resolved does not reopen it.
 */
public class AlertStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public AlertStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void record(OperationsAlert alert) {
        transactions.executeWithoutResult(status -> {
            if (alert.resolved()) {
                resolve(alert);
            } else {
                raise(alert);
            }
        });
    }

    private void raise(OperationsAlert alert) {
        String metadata = json(alert);
        int updated = jdbc.update("""
                UPDATE system_alerts SET severity = ?, message = ?, metadata = ?::jsonb
                 WHERE alert_type = ? AND entity_id = ? AND NOT is_resolved""",
                alert.severity().name(), alert.message(), metadata, alert.type().name(), alert.entityId());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO system_alerts (alert_id, alert_type, severity, entity_type, entity_id, message, metadata, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (alert_id) DO NOTHING""",
                    alert.eventId(), alert.type().name(), alert.severity().name(), alert.entityType(), alert.entityId(),
                    alert.message(), metadata, Timestamp.from(alert.occurredAt()));
        }
    }

    private void resolve(OperationsAlert alert) {
        jdbc.update("""
                UPDATE system_alerts SET is_resolved = TRUE, resolved_at = ?
                 WHERE alert_type = ? AND entity_id = ? AND NOT is_resolved""",
                Timestamp.from(alert.occurredAt()), alert.type().name(), alert.entityId());
    }

    private static String json(OperationsAlert alert) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(alert.metadata() != null ? alert.metadata() : java.util.Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert metadata is not JSON", e);
        }
    }
}
