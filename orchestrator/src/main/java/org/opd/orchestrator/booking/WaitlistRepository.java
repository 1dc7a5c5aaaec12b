package org.opd.orchestrator.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WaitlistRepository {

    /** The entry with its place among the WAITING entries of its doctor and day (first joined, first offered). */
    private static final String SELECT = """
            SELECT w.*, h.timezone,
                   CASE WHEN w.status = 'WAITING' THEN (
                       SELECT count(*) FROM waitlist_entries o
                       WHERE o.doctor_id = w.doctor_id AND o.day = w.day AND o.status = 'WAITING'
                         AND (o.joined_at, o.entry_id) <= (w.joined_at, w.entry_id)) END AS position
            FROM waitlist_entries w
            JOIN doctors d ON d.doctor_id = w.doctor_id
            JOIN hospitals h ON h.hospital_id = d.hospital_id
            """;

    private final JdbcClient jdbc;

    WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return empty when the patient is on this doctor's list for the day already */
    Optional<UUID> insert(UUID doctorId, UUID patientId, LocalDate day, UUID createdBy) {
        try {
            return Optional.of(jdbc.sql("""
                            INSERT INTO waitlist_entries (doctor_id, patient_id, day, created_by)
                            VALUES (:doctor, :patient, :day, :by) RETURNING entry_id""")
                    .param("doctor", doctorId).param("patient", patientId).param("day", day).param("by", createdBy)
                    .query(UUID.class).single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<WaitlistEntry> find(UUID entryId) {
        return jdbc.sql(SELECT + " WHERE w.entry_id = :id").param("id", entryId)
                .query(WaitlistRepository::map).optional();
    }

    /** The doctor's list for the day, in order: waiting entries first joined first, then the others. */
    List<WaitlistEntry> ofDay(UUID doctorId, LocalDate day) {
        return jdbc.sql(SELECT + " WHERE w.doctor_id = :doctor AND w.day = :day ORDER BY w.joined_at, w.entry_id")
                .param("doctor", doctorId).param("day", day)
                .query(WaitlistRepository::map).list();
    }

    /** @return whether the entry was open and is now LEFT */
    boolean leave(UUID entryId) {
        return jdbc.sql("""
                        UPDATE waitlist_entries SET status = 'LEFT', updated_at = now()
                        WHERE entry_id = :id AND status IN ('WAITING', 'OFFERED')""")
                .param("id", entryId).update() == 1;
    }

    /**
     * The first WAITING entry of the doctor's day that no other instance is offering a slot to (locked until the
     * offer commits).
     */
    Optional<UUID> lockFirstWaiting(UUID doctorId, LocalDate day) {
        return jdbc.sql("""
                        SELECT entry_id FROM waitlist_entries
                        WHERE doctor_id = :doctor AND day = :day AND status = 'WAITING'
                        ORDER BY joined_at, entry_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("doctor", doctorId).param("day", day)
                .query(UUID.class).optional();
    }

    /** Whether the appointment is a hold some entry was offered. */
    boolean isOffer(UUID appointmentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM waitlist_entries WHERE offered_appointment_id = :appointment)")
                .param("appointment", appointmentId).query(Boolean.class).single();
    }

    void markOffered(UUID entryId, UUID appointmentId) {
        jdbc.sql("""
                        UPDATE waitlist_entries SET status = 'OFFERED', offered_appointment_id = :appointment, updated_at = now()
                        WHERE entry_id = :id AND status = 'WAITING'""")
                .param("appointment", appointmentId).param("id", entryId).update();
    }

    /**
     * Ends the offer of the appointment, if it is one and still open: BOOKED when taken, LAPSED when let go.
     *
     * @return the entry whose offer it was
     */
    Optional<UUID> endOffer(UUID appointmentId, WaitlistStatus outcome) {
        return jdbc.sql("""
                        UPDATE waitlist_entries SET status = :outcome, updated_at = now()
                        WHERE offered_appointment_id = :appointment AND status = 'OFFERED'
                        RETURNING entry_id""")
                .param("outcome", outcome.name()).param("appointment", appointmentId)
                .query(UUID.class).optional();
    }

    private static WaitlistEntry map(ResultSet rs, int row) throws SQLException {
        return new WaitlistEntry(
                Sql.uuid(rs, "entry_id"),
                Sql.uuid(rs, "doctor_id"),
                Sql.uuid(rs, "patient_id"),
                rs.getObject("day", LocalDate.class),
                WaitlistStatus.valueOf(rs.getString("status")),
                Sql.integer(rs, "position"),
                Sql.uuid(rs, "offered_appointment_id"),
                Sql.instant(rs, "joined_at"),
                ZoneId.of(rs.getString("timezone")));
    }
}
