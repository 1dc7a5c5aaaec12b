package org.opd.notifier.delivery;

import java.util.Optional;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What must be read fresh just before a message goes out: the token's state and the patient's device. */
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
}
