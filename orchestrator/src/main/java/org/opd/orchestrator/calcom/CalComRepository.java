package org.opd.orchestrator.calcom;

import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.DuplicateException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Cal.com columns of hospitals' settings, doctors and appointments (V90). */
@Repository
class CalComRepository {

    private final JdbcClient jdbc;

    CalComRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> webhookSecret(UUID hospitalId) {
        return jdbc.sql("SELECT webhook_secret FROM cal_com_settings WHERE hospital_id = :h").param("h", hospitalId)
                .query(String.class).optional();
    }

    void saveWebhookSecret(UUID hospitalId, String secret) {
        jdbc.sql("""
                        INSERT INTO cal_com_settings (hospital_id, webhook_secret) VALUES (:h, :s)
                        ON CONFLICT (hospital_id) DO UPDATE SET webhook_secret = EXCLUDED.webhook_secret, updated_at = now()""")
                .param("h", hospitalId).param("s", secret).update();
    }

    /** @throws DuplicateException when another doctor of the hospital already has this Cal.com user */
    void mapDoctor(UUID doctorId, String userId, String eventTypeId) {
        try {
            jdbc.sql("UPDATE doctors SET cal_com_user_id = :u, cal_com_event_type_id = :e WHERE doctor_id = :d")
                    .param("u", userId).param("e", eventTypeId).param("d", doctorId).update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateException("userId", "Another doctor of the hospital has Cal.com user " + userId);
        }
    }

    /** The doctor of the hospital whose Cal.com user this is, with the event type they are booked under. */
    Optional<MappedDoctor> doctorOf(UUID hospitalId, String userId) {
        return jdbc.sql("""
                        SELECT doctor_id, cal_com_event_type_id FROM doctors
                        WHERE hospital_id = :h AND cal_com_user_id = :u""")
                .param("h", hospitalId).param("u", userId)
                .query((rs, row) -> new MappedDoctor(rs.getObject("doctor_id", UUID.class), rs.getString("cal_com_event_type_id")))
                .optional();
    }

    /** The appointment of the hospital that mirrors the Cal.com booking with this uid. */
    Optional<UUID> appointmentOf(UUID hospitalId, String uid) {
        return jdbc.sql("""
                        SELECT a.appointment_id FROM appointments a JOIN doctors d ON d.doctor_id = a.doctor_id
                        WHERE a.cal_com_uid = :uid AND d.hospital_id = :h""")
                .param("uid", uid).param("h", hospitalId).query(UUID.class).optional();
    }

    void link(UUID appointmentId, String uid, Long bookingId) {
        jdbc.sql("""
                        UPDATE appointments SET cal_com_uid = :uid, cal_com_booking_id = COALESCE(:b, cal_com_booking_id), updated_at = now()
                        WHERE appointment_id = :id""")
                .param("uid", uid).param("b", bookingId).param("id", appointmentId).update();
    }

    /** Deliveries about one booking are applied one at a time (Cal.com may retry while the first still runs). */
    void lockBooking(UUID hospitalId, String uid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "cal.com " + hospitalId + " " + uid)
                .query().singleRow();
    }

    record MappedDoctor(UUID doctorId, String eventTypeId) {
    }
}
