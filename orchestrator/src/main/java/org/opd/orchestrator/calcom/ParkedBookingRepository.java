package org.opd.orchestrator.calcom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ParkedBookingRepository {

    private final JdbcClient jdbc;

    ParkedBookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Parks the delivery; one Cal.com retries while it is parked updates the open row instead of adding one. */
    UUID park(UUID hospitalId, String trigger, String uid, BookingMismatch why, String payload) {
        return jdbc.sql("""
                        INSERT INTO cal_com_parked_bookings (hospital_id, trigger_event, cal_com_uid, reason_code, reason, payload)
                        VALUES (:h, :t, :uid, :code, :reason, :payload)
                        ON CONFLICT (hospital_id, trigger_event, cal_com_uid) WHERE status = 'OPEN'
                        DO UPDATE SET reason_code = EXCLUDED.reason_code, reason = EXCLUDED.reason, payload = EXCLUDED.payload,
                                      attempts = cal_com_parked_bookings.attempts + 1, updated_at = now()
                        RETURNING parked_id""")
                .param("h", hospitalId).param("t", trigger).param("uid", uid).param("code", why.code())
                .param("reason", why.getMessage()).param("payload", Sql.jsonb(payload))
                .query(UUID.class).single();
    }

    Optional<ParkedBooking> find(UUID parkedId) {
        return jdbc.sql("SELECT * FROM cal_com_parked_bookings WHERE parked_id = :id").param("id", parkedId)
                .query(ParkedBookingRepository::map).optional();
    }

    Optional<String> openPayloadForUpdate(UUID parkedId) {
        return jdbc.sql("SELECT payload::text FROM cal_com_parked_bookings WHERE parked_id = :id AND status = 'OPEN' FOR UPDATE")
                .param("id", parkedId).query(String.class).optional();
    }

    List<ParkedBooking> list(UUID hospitalId, String status, int limit) {
        return jdbc.sql("""
                        SELECT * FROM cal_com_parked_bookings WHERE hospital_id = :h AND (CAST(:s AS text) IS NULL OR status = :s)
                        ORDER BY received_at DESC, parked_id LIMIT :limit""")
                .param("h", hospitalId).param("s", status).param("limit", limit)
                .query(ParkedBookingRepository::map).list();
    }

    void retried(UUID parkedId, BookingMismatch stillWrong) {
        jdbc.sql("""
                        UPDATE cal_com_parked_bookings SET reason_code = :code, reason = :reason, attempts = attempts + 1, updated_at = now()
                        WHERE parked_id = :id""")
                .param("code", stillWrong.code()).param("reason", stillWrong.getMessage()).param("id", parkedId).update();
    }

    void close(UUID parkedId, String status, UUID by, UUID appointmentId) {
        jdbc.sql("""
                        UPDATE cal_com_parked_bookings SET status = :s, closed_by = :by, appointment_id = :a, updated_at = now()
                        WHERE parked_id = :id""")
                .param("s", status).param("by", by).param("a", appointmentId).param("id", parkedId).update();
    }

    private static ParkedBooking map(ResultSet rs, int row) throws SQLException {
        return new ParkedBooking(Sql.uuid(rs, "parked_id"), Sql.uuid(rs, "hospital_id"), rs.getString("trigger_event"),
                rs.getString("cal_com_uid"), rs.getString("reason_code"), rs.getString("reason"), rs.getString("status"),
                rs.getInt("attempts"), Sql.instant(rs, "received_at"), Sql.instant(rs, "updated_at"),
                Sql.uuid(rs, "appointment_id"));
    }
}
