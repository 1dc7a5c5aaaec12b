package org.opd.notifier.delivery;

import java.util.Optional;
import java.util.UUID;

import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What must be read fresh just before a message goes out: the token's state and the patient's device,
 * for a message about an appointment its state, or, for a sign-in code, the patient's phone.
 */
@Repository
class SendContexts {

    /** @param fcmToken the patient app's device token, or null */
    record SendContext(TokenStatus status, boolean called, String tokenNumber, String fcmToken) {

        @Override
        public String toString() {
            return "SendContext[status=" + status + ", called=" + called + ", tokenNumber=" + tokenNumber + "]";
        }
    }

    private final JdbcTemplate jdbc;

    SendContexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SendContext> find(UUID tokenId) {
        return jdbc.query("""
                SELECT t.status, t.called_time IS NOT NULL AS called, t.token_number, p.fcm_token
                FROM tokens t JOIN patients p ON p.patient_id = t.patient_id
                WHERE t.token_id = ?
                """, (rs, row) -> new SendContext(TokenStatus.valueOf(rs.getString("status")), rs.getBoolean("called"),
                        rs.getString("token_number"), rs.getString("fcm_token")),
                tokenId).stream().findFirst();
    }

    /**
     * Whether a message about an appointment still makes sense: an offer while its hold holds the slot (not
     * lapsed, paid or confirmed already), a booking's confirmation and a reminder while the appointment is confirmed
     * and ahead.
     */
    boolean appointmentMessageRelevant(UUID appointmentId, NotificationType type) {
        String stillSo = type == NotificationType.WAITLIST_OFFER
                ? "status = 'SCHEDULED' AND hold_expires_at > now()"
                : "status = 'CONFIRMED' AND starts_at > now()";
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM appointments WHERE appointment_id = ? AND " + stillSo + ")",
                Boolean.class, appointmentId));
    }

    /** The patient's phone as registered; empty when the patient is gone. */
    Optional<String> phoneOf(UUID patientId) {
        return jdbc.queryForList("SELECT phone FROM patients WHERE patient_id = ?", String.class, patientId)
                .stream().findFirst();
    }
}
