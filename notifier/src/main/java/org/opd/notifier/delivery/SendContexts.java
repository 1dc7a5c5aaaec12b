package org.opd.notifier.delivery;

import java.util.Optional;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What must be read fresh just before a message goes out: the token's state and the patient's device,
 * or, for a message about no token, the patient's phone.
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

    /** The patient's phone as registered; empty when the patient is gone. */
    Optional<String> phoneOf(UUID patientId) {
        return jdbc.queryForList("SELECT phone FROM patients WHERE patient_id = ?", String.class, patientId)
                .stream().findFirst();
    }
}
