package org.opd.orchestrator.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.schemas.alert.AlertSeverity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code system_alerts}, which the eta-calculator keeps (one open row per alert type and
 * entity). An alert's hospital is its entity's: the department, the doctor or the token.
 */
@Service
public class AlertQueries {

    private static final String COLUMNS = "SELECT a.*, h.hospital_id AS entity_hospital_id, h.timezone";
    private static final String FROM = """
            FROM system_alerts a
            LEFT JOIN departments dep ON a.entity_type = 'DEPARTMENT' AND dep.dept_id = a.entity_id
            LEFT JOIN doctors doc ON a.entity_type = 'DOCTOR' AND doc.doctor_id = a.entity_id
            LEFT JOIN tokens tok ON a.entity_type = 'TOKEN' AND tok.token_id = a.entity_id
            LEFT JOIN hospitals h ON h.hospital_id = COALESCE(dep.hospital_id, doc.hospital_id, tok.hospital_id)
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AlertQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<Alert> page(AlertFilter filter, PageRequest page) {
        Where where = new Where()
                .optional("a.is_resolved = :resolved", "resolved", filter.open() == null ? null : !filter.open())
                .optional("h.hospital_id = :hospitalId", "hospitalId", filter.hospitalId())
                .optional("a.alert_type = :type", "type", filter.type() == null ? null : filter.type().name())
                .optional("a.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name())
                .optional("a.entity_id = :entityId", "entityId", filter.entityId());
        return PagedSelect.run(jdbc, COLUMNS, FROM, where, "a.created_at DESC, a.alert_id", this::map, page);
    }

    @Transactional(readOnly = true)
    public Alert require(UUID alertId) {
        return jdbc.sql(COLUMNS + " " + FROM + "WHERE a.alert_id = :id").param("id", alertId).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("alert", alertId));
    }

    private Alert map(ResultSet rs, int row) throws SQLException {
        String timezone = rs.getString("timezone");
        ZoneId zone = timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        try {
            return new Alert(Sql.uuid(rs, "alert_id"), rs.getString("alert_type"),
                    AlertSeverity.valueOf(rs.getString("severity")), rs.getString("entity_type"),
                    Sql.uuid(rs, "entity_id"), Sql.uuid(rs, "entity_hospital_id"), rs.getString("message"),
                    json.readTree(rs.getString("metadata")), rs.getBoolean("is_resolved"),
                    LocalTimes.at(Sql.instant(rs, "resolved_at"), zone), LocalTimes.at(Sql.instant(rs, "acknowledged_at"), zone),
                    LocalTimes.at(Sql.instant(rs, "created_at"), zone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored alert metadata is not JSON", e);
        }
    }
}
