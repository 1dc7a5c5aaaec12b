package org.opd.notifier.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications_log} table: one row per token, notification type and channel, created
 * PENDING before the provider is called and then marked SENT or FAILED.
 *
 * <p>No surrounding transaction: each statement commits on its own, so the PENDING row is
 * durable before the message leaves, and a replayed event finds it and sends nothing.
 * {@code retry_count} counts the failed attempts of the row.
 */
@Repository
class NotificationLog {

    private final JdbcTemplate jdbc;

    NotificationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a PENDING SMS and returns its id, or empty when the row already exists (a replayed event). */
    Optional<UUID> recordPendingSms(SmsNotification notification) {
        List<UUID> created = jdbc.queryForList("""
                INSERT INTO notifications_log (patient_id, token_id, channel, event_type, message, phone_number)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (token_id, event_type, channel) DO NOTHING
                RETURNING notification_id
                """, UUID.class,
                notification.patientId(), notification.tokenId(), Channel.SMS.name(), notification.type().name(),
                notification.message(), notification.phoneNumber());
        return created.stream().findFirst();
    }

    void markSent(UUID notificationId, String externalId) {
        jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = 'SENT', external_id = ?, sent_at = now(), failed_reason = NULL
                WHERE notification_id = ?
                """, externalId, notificationId);
    }

    void markFailed(UUID notificationId, String reason) {
        jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = 'FAILED', failed_reason = ?, retry_count = retry_count + 1
                WHERE notification_id = ?
                """, reason, notificationId);
    }
}
