package org.opd.orchestrator.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.time.LocalTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail for admins, newest first. A time range lets PostgreSQL read only its months. */
@Service
public class AuditQueries {

    private static final String COLUMNS = "SELECT a.*, host(a.client_address) AS client_host, h.timezone";
    private static final String FROM = "FROM audit_log a LEFT JOIN hospitals h ON h.hospital_id = a.hospital_id";

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> page(AuditFilter filter, PageRequest page) {
        Where where = new Where()
                .optional("a.actor_subject = :actorSubject", "actorSubject", filter.actorSubject())
                .optional("a.patient_id = :patientId", "patientId", filter.patientId())
                .optional("a.resource_type = :resourceType", "resourceType",
                        filter.resourceType() == null ? null : filter.resourceType().name())
                .optional("a.resource_id = :resourceId", "resourceId", filter.resourceId())
                .optional("a.outcome = :outcome", "outcome", filter.outcome() == null ? null : filter.outcome().name())
                .optional("a.occurred_at >= :from", "from", Sql.timestamp(filter.from()))
                .optional("a.occurred_at < :to", "to", Sql.timestamp(filter.to()))
                .optional("a.hospital_id = :hospitalId", "hospitalId", filter.hospitalId());
        return PagedSelect.run(jdbc, COLUMNS, FROM, where, "a.occurred_at DESC, a.id", AuditQueries::map, page);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        String timezone = rs.getString("timezone");
        ZoneId zone = timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        return new AuditEntry(Sql.uuid(rs, "id"), LocalTimes.at(Sql.instant(rs, "occurred_at"), zone),
                rs.getString("actor_subject"), rs.getString("actor_type"), roles(rs.getArray("actor_roles")),
                Sql.uuid(rs, "hospital_id"), AuditAction.valueOf(rs.getString("action")),
                AuditResourceType.valueOf(rs.getString("resource_type")), Sql.uuid(rs, "resource_id"),
                Sql.uuid(rs, "patient_id"), rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_host"), rs.getString("request_id"));
    }

    private static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
