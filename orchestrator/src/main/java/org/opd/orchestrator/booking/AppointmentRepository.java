package org.opd.orchestrator.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.schedule.Session.Slot;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppointmentRepository {

    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String SELECT = """
            SELECT a.*, h.timezone, p.short_url FROM appointments a
            JOIN doctors d ON d.doctor_id = a.doctor_id
            JOIN hospitals h ON h.hospital_id = d.hospital_id
            LEFT JOIN payment_links p ON p.appointment_id = a.appointment_id
            """;

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws SlotTakenException when another appointment of the doctor holds some of the time */
    UUID insert(NewAppointment appointment, Instant endsAt, AppointmentStatus status, Instant holdExpiresAt, UUID createdBy) {
        try {
            return Insert.into("appointments")
                    .value("doctor_id", appointment.doctorId())
                    .value("patient_id", appointment.patientId())
                    .value("starts_at", Sql.timestamp(appointment.startsAt()))
                    .value("ends_at", Sql.timestamp(endsAt))
                    .value("appointment_type", appointment.type().name())
                    .value("status", status.name())
                    .value("reason", appointment.reason())
                    .value("hold_expires_at", Sql.timestamp(holdExpiresAt))
                    .value("created_by", createdBy)
                    .returning(jdbc, (rs, row) -> Sql.uuid(rs, "appointment_id"));
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    /** @throws SlotTakenException when another appointment of the doctor holds some of the new time */
    void move(UUID appointmentId, Instant startsAt, Instant endsAt) {
        try {
            jdbc.sql("UPDATE appointments SET starts_at = :start, ends_at = :end, updated_at = now() WHERE appointment_id = :id")
                    .param("start", Sql.timestamp(startsAt)).param("end", Sql.timestamp(endsAt)).param("id", appointmentId)
                    .update();
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    Optional<Appointment> find(UUID appointmentId) {
        return jdbc.sql(SELECT + " WHERE a.appointment_id = :id").param("id", appointmentId)
                .query(AppointmentRepository::map).optional();
    }

    Optional<Appointment> findForUpdate(UUID appointmentId) {
        return jdbc.sql(SELECT + " WHERE a.appointment_id = :id FOR UPDATE OF a").param("id", appointmentId)
                .query(AppointmentRepository::map).optional();
    }

    Optional<Appointment> findByTokenForUpdate(UUID tokenId) {
        return jdbc.sql(SELECT + " WHERE a.token_id = :token FOR UPDATE OF a").param("token", tokenId)
                .query(AppointmentRepository::map).optional();
    }

    void update(Appointment appointment) {
        jdbc.sql("""
                        UPDATE appointments SET status = :status, hold_expires_at = :hold, cancel_reason = :why, updated_at = now()
                        WHERE appointment_id = :id""")
                .param("status", appointment.status().name())
                .param("hold", Sql.timestamp(appointment.holdExpiresAt()))
                .param("why", appointment.cancelReason())
                .param("id", appointment.appointmentId())
                .update();
    }

    /**
     * Lets go of the holds that lapsed by {@code now} (of one doctor, or of all when null): SCHEDULED →
     * CANCELLED, a move the status table allows; the status in the WHERE clause re-checked on the locked
     * row keeps a payment confirmed meanwhile confirmed.
     *
     * @return the appointments let go
     */
    List<UUID> releaseLapsedHolds(UUID doctorId, Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE appointments SET status = 'CANCELLED', cancel_reason = :why, hold_expires_at = NULL, updated_at = now()
                        WHERE appointment_id IN (
                            SELECT appointment_id FROM appointments
                            WHERE status = 'SCHEDULED' AND hold_expires_at <= :now AND (CAST(:d AS uuid) IS NULL OR doctor_id = :d)
                            ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                          AND status = 'SCHEDULED'
                        RETURNING appointment_id""")
                .param("why", Appointment.HOLD_EXPIRED).param("now", Sql.timestamp(now)).param("d", doctorId)
                .param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Confirmed appointments without a token whose day (in their hospital's zone) is today or has
     * passed unconverted this far: the oldest first.
     */
    List<UUID> dueForToken(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT a.appointment_id FROM appointments a
                        JOIN doctors d ON d.doctor_id = a.doctor_id JOIN hospitals h ON h.hospital_id = d.hospital_id
                        WHERE a.status = 'CONFIRMED' AND a.token_id IS NULL AND a.starts_at > :now - INTERVAL '1 day'
                          AND (a.starts_at AT TIME ZONE h.timezone)::date = (CAST(:now AS timestamptz) AT TIME ZONE h.timezone)::date
                        ORDER BY a.starts_at LIMIT :limit""")
                .param("now", Sql.timestamp(now)).param("limit", limit)
                .query(UUID.class).list();
    }

    void linkToken(UUID appointmentId, UUID tokenId) {
        jdbc.sql("UPDATE appointments SET token_id = :token, updated_at = now() WHERE appointment_id = :id")
                .param("token", tokenId).param("id", appointmentId).update();
    }

    /** The times within [from, to) that the doctor's appointments hold as of now: a lapsed hold holds nothing. */
    List<Slot> heldBetween(UUID doctorId, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                        SELECT starts_at, ends_at FROM appointments
                        WHERE doctor_id = :d AND starts_at < :to AND ends_at > :from
                          AND (status IN ('CONFIRMED', 'IN_PROGRESS') OR (status = 'SCHEDULED' AND hold_expires_at > :now))
                        ORDER BY starts_at""")
                .param("d", doctorId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .param("now", Sql.timestamp(now))
                .query((rs, row) -> new Slot(Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at")))
                .list();
    }

    private static boolean isExclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                return EXCLUSION_VIOLATION.equals(psql.getSQLState());
            }
        }
        return false;
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(
                Sql.uuid(rs, "appointment_id"),
                Sql.uuid(rs, "doctor_id"),
                Sql.uuid(rs, "patient_id"),
                Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"),
                AppointmentType.valueOf(rs.getString("appointment_type")),
                AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                Sql.instant(rs, "hold_expires_at"),
                rs.getString("cancel_reason"),
                rs.getString("short_url"),
                Sql.uuid(rs, "token_id"),
                ZoneId.of(rs.getString("timezone")));
    }
}
