package org.opd.orchestrator.leave;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleExceptionRepository {

    private static final String SELECT = """
            SELECT e.*, h.timezone AS hospital_timezone
            FROM schedule_exceptions e
            JOIN doctors d ON d.doctor_id = e.doctor_id
            JOIN hospitals h ON h.hospital_id = d.hospital_id
            """;

    private final JdbcClient jdbc;

    ScheduleExceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScheduleException> find(UUID exceptionId) {
        return jdbc.sql(SELECT + " WHERE e.exception_id = :id").param("id", exceptionId)
                .query(ScheduleExceptionRepository::map).optional();
    }

    Optional<ScheduleException> findForUpdate(UUID exceptionId) {
        return jdbc.sql(SELECT + " WHERE e.exception_id = :id FOR UPDATE OF e").param("id", exceptionId)
                .query(ScheduleExceptionRepository::map).optional();
    }

    /** The doctor's exceptions that share some of the time [from, to), in time order. */
    List<Absence> absences(UUID doctorId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT start_datetime, end_datetime FROM schedule_exceptions
                        WHERE doctor_id = :doctorId AND start_datetime < :to AND end_datetime > :from
                        ORDER BY start_datetime""")
                .param("doctorId", doctorId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query((rs, row) -> new Absence(Sql.instant(rs, "start_datetime"), Sql.instant(rs, "end_datetime")))
                .list();
    }

    /** Another exception of the doctor that shares some of the time [start, end). */
    Optional<UUID> findOverlapping(UUID doctorId, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT exception_id FROM schedule_exceptions
                        WHERE doctor_id = :doctorId AND start_datetime < :end AND end_datetime > :start
                        ORDER BY start_datetime LIMIT 1
                        """)
                .param("doctorId", doctorId).param("start", Sql.timestamp(start)).param("end", Sql.timestamp(end))
                .query(UUID.class).optional();
    }

    UUID insert(NewScheduleException request, int affectedTokens, UUID requestedBy) {
        return jdbc.sql("""
                        INSERT INTO schedule_exceptions (doctor_id, exception_type, start_datetime, end_datetime, reason,
                                                         affected_tokens_count, requested_by)
                        VALUES (:doctorId, :type, :start, :end, :reason, :affected, :requestedBy)
                        RETURNING exception_id
                        """)
                .param("doctorId", request.doctorId())
                .param("type", request.type().name())
                .param("start", Sql.timestamp(request.start()))
                .param("end", Sql.timestamp(request.end()))
                .param("reason", request.reason())
                .param("affected", affectedTokens)
                .param("requestedBy", requestedBy)
                .query(UUID.class).single();
    }

    void approve(UUID exceptionId, UUID approvedBy, UUID approverDoctorId, Instant at) {
        jdbc.sql("""
                        UPDATE schedule_exceptions SET approved_by = :approvedBy, approver_id = :approverId, approved_at = :at
                        WHERE exception_id = :id
                        """)
                .param("approvedBy", approvedBy).param("approverId", approverDoctorId).param("at", Sql.timestamp(at))
                .param("id", exceptionId).update();
    }

    private static ScheduleException map(ResultSet rs, int row) throws SQLException {
        return new ScheduleException(
                Sql.uuid(rs, "exception_id"),
                Sql.uuid(rs, "doctor_id"),
                ExceptionType.valueOf(rs.getString("exception_type")),
                Sql.instant(rs, "start_datetime"),
                Sql.instant(rs, "end_datetime"),
                rs.getString("reason"),
                rs.getInt("affected_tokens_count"),
                RedistributionStatus.valueOf(rs.getString("redistribution_status")),
                Sql.uuid(rs, "requested_by"),
                Sql.uuid(rs, "approved_by"),
                Sql.instant(rs, "approved_at"),
                Sql.instant(rs, "created_at"),
                ZoneId.of(rs.getString("hospital_timezone")));
    }
}
