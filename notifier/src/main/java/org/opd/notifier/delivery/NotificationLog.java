package org.opd.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.notifier.channel.Channel;
import org.opd.schemas.notification.NotificationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications_log} table: one row per token (or appointment), notification type and channel, created
 * PENDING, claimed with an attempt marker just before the provider is called, then SENT, retried
 * later, or FAILED; provider callbacks move SENT rows on to DELIVERED or FAILED.
 *
 * <p>No surrounding transaction: each statement commits on its own, so the PENDING row and then its
 * attempt marker are durable before the message leaves. Times come from the database's clock.
 * {@code retry_count} counts the failed attempts of the row. A sign-in code's row keeps the code only
 * sealed, and only until its outcome is final: every statement that makes it final clears it.
 */
@Repository
class NotificationLog {

    static final String OUTCOME_UNKNOWN = "Outcome unknown: the notifier stopped while sending;"
            + " not sent again, so that the patient never gets it twice";

    private final JdbcTemplate jdbc;

    NotificationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a PENDING row, due now, and returns its id; empty when it exists already (a replayed event). */
    Optional<UUID> recordPending(NewNotification notification) {
        return jdbc.queryForList("""
                INSERT INTO notifications_log (patient_id, token_id, channel, event_type, message, phone_number)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (token_id, event_type, channel) DO NOTHING
                RETURNING notification_id
                """, UUID.class,
                notification.patientId(), notification.tokenId(), notification.channel().name(),
                notification.type().name(), notification.message(), notification.phoneNumber())
                .stream().findFirst();
    }

    /**
     * Records a PENDING message about an appointment, due now, and returns its id; empty when one of its type
     * and channel exists for the appointment already (a replayed event).
     */
    Optional<UUID> recordPendingAppointmentMessage(NewAppointmentMessage message) {
        return jdbc.queryForList("""
                INSERT INTO notifications_log (patient_id, appointment_id, channel, event_type, message, phone_number)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (appointment_id, event_type, channel) WHERE appointment_id IS NOT NULL DO NOTHING
                RETURNING notification_id
                """, UUID.class,
                message.patientId(), message.appointmentId(), message.channel().name(), message.type().name(),
                message.message(), message.phoneNumber())
                .stream().findFirst();
    }

    /**
     * Records a PENDING sign-in code SMS, due now, and returns its id; empty when its event was recorded
     * already. No token and no phone number: the phone is read as the message goes out.
     */
    Optional<UUID> recordPendingSignInCode(NewSignInCode code) {
        return jdbc.queryForList("""
                INSERT INTO notifications_log (patient_id, channel, event_type, message, source_event_id, sealed_code,
                                               expires_at)
                VALUES (?, 'SMS', ?, ?, ?, ?, ?)
                ON CONFLICT (source_event_id, channel) WHERE source_event_id IS NOT NULL DO NOTHING
                RETURNING notification_id
                """, UUID.class,
                code.patientId(), NotificationType.SIGN_IN_CODE.name(), code.maskedText(), code.eventId(),
                code.sealedCode(), Timestamp.from(code.expiresAt()))
                .stream().findFirst();
    }

    /**
     * Sets the attempt marker on up to {@code limit} due rows no other notifier is sending, of no channel in
     * {@code heldBack}, and returns them.
     */
    List<ClaimedNotification> claimDue(int limit, Set<Channel> heldBack) {
        return jdbc.query("""
                UPDATE notifications_log SET attempt_started_at = now()
                WHERE notification_id IN (
                    SELECT notification_id FROM notifications_log
                    WHERE delivery_status = 'PENDING' AND attempt_started_at IS NULL AND next_attempt_at <= now()
                      AND channel <> ALL (string_to_array(?, ','))
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING notification_id, token_id, appointment_id, patient_id, channel, event_type, message, phone_number,
                          retry_count, sealed_code, expires_at
                """, (rs, row) -> new ClaimedNotification(
                        rs.getObject("notification_id", UUID.class),
                        rs.getObject("token_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        NotificationType.valueOf(rs.getString("event_type")),
                        rs.getString("message"),
                        rs.getString("phone_number"),
                        rs.getInt("retry_count"),
                        rs.getString("sealed_code"),
                        Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant).orElse(null)),
                heldBack.stream().map(Channel::name).collect(Collectors.joining(",")), limit);
    }

    /** The provider accepted. A callback that overtook this answer may have moved the row on already. */
    void markSent(UUID notificationId, String externalId) {
        jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = CASE WHEN delivery_status = 'PENDING' THEN 'SENT' ELSE delivery_status END,
                    external_id = ?, sent_at = COALESCE(sent_at, now()), failed_reason = NULL,
                    attempt_started_at = NULL, sealed_code = NULL
                WHERE notification_id = ?
                """, externalId, notificationId);
    }

    /** A failed attempt to be tried again after {@code delay}. */
    void scheduleRetry(UUID notificationId, String reason, Duration delay) {
        jdbc.update("""
                UPDATE notifications_log
                SET retry_count = retry_count + 1, failed_reason = ?, attempt_started_at = NULL,
                    next_attempt_at = now() + make_interval(secs => ?)
                WHERE notification_id = ?
                """, reason, seconds(delay), notificationId);
    }

    /** Not attempted now (open circuit, rate limit): due again after {@code delay}, no attempt counted. */
    void postpone(UUID notificationId, Duration delay) {
        jdbc.update("""
                UPDATE notifications_log
                SET attempt_started_at = NULL, next_attempt_at = now() + make_interval(secs => ?)
                WHERE notification_id = ?
                """, seconds(delay), notificationId);
    }

    /** The last attempt failed: FAILED for good. */
    void markFailed(UUID notificationId, String reason) {
        jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = 'FAILED', failed_reason = ?, retry_count = retry_count + 1,
                    attempt_started_at = NULL, sealed_code = NULL
                WHERE notification_id = ?
                """, reason, notificationId);
    }

    /** FAILED without an attempt: the message is no longer relevant, or cannot be addressed. */
    void markNotSent(UUID notificationId, String reason) {
        jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = 'FAILED', failed_reason = ?, attempt_started_at = NULL, sealed_code = NULL
                WHERE notification_id = ?
                """, reason, notificationId);
    }

    /**
     * Rows whose attempt started longer than {@code inFlightTimeout} ago and never got an outcome:
     * the notifier stopped between calling the provider and recording its answer. The message may
     * have gone out, so they become FAILED with {@link #OUTCOME_UNKNOWN} instead of being re-sent.
     */
    int reconcileInFlight(Duration inFlightTimeout) {
        return jdbc.update("""
                UPDATE notifications_log
                SET delivery_status = 'FAILED', failed_reason = ?, attempt_started_at = NULL, sealed_code = NULL
                WHERE delivery_status = 'PENDING' AND attempt_started_at < now() - make_interval(secs => ?)
                """, OUTCOME_UNKNOWN, seconds(inFlightTimeout));
    }

    /**
     * A PENDING SMS row for the same token (or appointment) and type as the failed WhatsApp row, if the patient
     * accepts SMS; empty when they do not, or when one exists already (by either uniqueness rule).
     */
    Optional<UUID> fallBackToSms(UUID whatsAppNotificationId) {
        return jdbc.queryForList("""
                INSERT INTO notifications_log (patient_id, token_id, appointment_id, channel, event_type, message, phone_number)
                SELECT n.patient_id, n.token_id, n.appointment_id, 'SMS', n.event_type, n.message, n.phone_number
                FROM notifications_log n JOIN patients p ON p.patient_id = n.patient_id
                WHERE n.notification_id = ? AND n.channel = 'WHATSAPP' AND p.sms_opt_in AND n.phone_number IS NOT NULL
                ON CONFLICT DO NOTHING
                RETURNING notification_id
                """, UUID.class, whatsAppNotificationId).stream().findFirst();
    }

    /**
     * A provider's delivery report. The row is found by our id where the provider echoes it, else by
     * the provider's; only rows not yet final move, and rows reconciled as {@link #OUTCOME_UNKNOWN},
     * whose outcome the report now tells. Returns the row's id when it moved.
     */
    Optional<UUID> markDelivered(Channel channel, UUID notificationId, String externalId, Instant at) {
        return jdbc.queryForList("""
                UPDATE notifications_log
                SET delivery_status = 'DELIVERED', delivered_at = ?, external_id = COALESCE(external_id, ?),
                    sent_at = COALESCE(sent_at, ?), failed_reason = NULL, attempt_started_at = NULL
                WHERE channel = ? AND (notification_id = ?::uuid OR external_id = ?)
                  AND (delivery_status IN ('PENDING', 'SENT') OR delivery_status = 'FAILED' AND failed_reason = ?)
                RETURNING notification_id
                """, UUID.class, Timestamp.from(at), externalId, Timestamp.from(at), channel.name(),
                notificationId, externalId, OUTCOME_UNKNOWN).stream().findFirst();
    }

    /** A provider's report that a message it accepted did not reach the patient. */
    Optional<UUID> markUndelivered(Channel channel, UUID notificationId, String externalId, String reason) {
        return jdbc.queryForList("""
                UPDATE notifications_log
                SET delivery_status = 'FAILED', failed_reason = ?, external_id = COALESCE(external_id, ?),
                    attempt_started_at = NULL
                WHERE channel = ? AND (notification_id = ?::uuid OR external_id = ?)
                  AND (delivery_status IN ('PENDING', 'SENT') OR delivery_status = 'FAILED' AND failed_reason = ?)
                RETURNING notification_id
                """, UUID.class, reason, externalId, channel.name(), notificationId, externalId, OUTCOME_UNKNOWN)
                .stream().findFirst();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
