package org.opd.notifier.outbound;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code webhook_deliveries} table and its attempts: a delivery is written PENDING for each matching
 * subscription before anything is sent; claimed for an attempt (counted at once, so a crash mid-send still
 * counts); then DELIVERED, due again later, or FAILED. Each outcome and its attempt row commit together,
 * and only for the claim that made the attempt (a stale worker changes nothing). Times are the database's.
 */
@Repository
class WebhookDeliveries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    WebhookDeliveries(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * One PENDING delivery of the event for each active subscription of its hospital that asked for its type and
     * existed when the event happened; none for a subscription that has it already (the event read again after a
     * restart). Returns how many were written.
     */
    int recordForSubscribers(WebhookEvent event, String payload) {
        return jdbc.update("""
                INSERT INTO webhook_deliveries (subscription_id, hospital_id, event_id, event_type, payload)
                SELECT subscription_id, hospital_id, ?, ?, ? FROM webhook_subscriptions
                WHERE hospital_id = ? AND active AND ? = ANY (event_types) AND created_at <= COALESCE(?, now())
                ON CONFLICT (subscription_id, event_id) WHERE replay_of IS NULL DO NOTHING
                """, event.id(), event.type(), payload, event.hospitalId(), event.type(),
                event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()));
    }

    /**
     * Claims up to {@code limit} due deliveries no other notifier is sending: PENDING, due, and not in
     * flight, or in flight longer than {@code inFlightTimeout} (their notifier stopped mid-send; the
     * receiver drops the repeat by its event id).
     */
    List<ClaimedDelivery> claimDue(int limit, Duration inFlightTimeout) {
        return jdbc.query("""
                UPDATE webhook_deliveries d
                SET attempt_started_at = now(), attempts = d.attempts + 1
                FROM webhook_subscriptions s
                WHERE s.subscription_id = d.subscription_id AND d.delivery_id IN (
                    SELECT delivery_id FROM webhook_deliveries
                    WHERE status = 'PENDING' AND next_attempt_at <= now()
                      AND (attempt_started_at IS NULL OR attempt_started_at < now() - make_interval(secs => ?))
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING d.delivery_id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts,
                          s.target_url, s.secret, s.active
                """, (rs, row) -> new ClaimedDelivery(
                        rs.getObject("delivery_id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        URI.create(rs.getString("target_url")),
                        rs.getString("secret"),
                        rs.getBoolean("active")),
                inFlightTimeout.toMillis() / 1000.0, limit);
    }

    void markDelivered(ClaimedDelivery delivery, AttemptOutcome outcome) {
        finish(delivery, outcome, """
                UPDATE webhook_deliveries
                SET status = 'DELIVERED', delivered_at = now(), finished_at = now(), attempt_started_at = NULL, last_error = NULL
                WHERE delivery_id = ? AND status = 'PENDING' AND attempts = ?
                """);
    }

    void scheduleRetry(ClaimedDelivery delivery, AttemptOutcome outcome, Duration delay) {
        transaction.executeWithoutResult(status -> {
            if (jdbc.update("""
                    UPDATE webhook_deliveries
                    SET attempt_started_at = NULL, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                    WHERE delivery_id = ? AND status = 'PENDING' AND attempts = ?
                    """, outcome.error(), delay.toMillis() / 1000.0, delivery.deliveryId(), delivery.attempt()) == 1) {
                recordAttempt(delivery, outcome);
            }
        });
    }

    void markFailed(ClaimedDelivery delivery, AttemptOutcome outcome) {
        finish(delivery, outcome, """
                UPDATE webhook_deliveries
                SET status = 'FAILED', finished_at = now(), attempt_started_at = NULL, last_error = ?
                WHERE delivery_id = ? AND status = 'PENDING' AND attempts = ?
                """);
    }

    /** FAILED without a call: its subscription was deactivated after the event was queued. Replayable once active again. */
    void markNotSent(ClaimedDelivery delivery, String reason) {
        jdbc.update("""
                UPDATE webhook_deliveries
                SET status = 'FAILED', finished_at = now(), attempt_started_at = NULL, last_error = ?, attempts = attempts - 1
                WHERE delivery_id = ? AND status = 'PENDING' AND attempts = ?
                """, reason, delivery.deliveryId(), delivery.attempt());
    }

    private void finish(ClaimedDelivery delivery, AttemptOutcome outcome, String sql) {
        transaction.executeWithoutResult(status -> {
            int updated = outcome.error() == null
                    ? jdbc.update(sql, delivery.deliveryId(), delivery.attempt())
                    : jdbc.update(sql, outcome.error(), delivery.deliveryId(), delivery.attempt());
            if (updated == 1) {
                recordAttempt(delivery, outcome);
            }
        });
    }

    private void recordAttempt(ClaimedDelivery delivery, AttemptOutcome outcome) {
        jdbc.update("""
                INSERT INTO webhook_delivery_attempts (delivery_id, attempt_number, started_at, duration_ms, status_code, error)
                VALUES (?, ?, ?, ?, ?, ?)
                """, delivery.deliveryId(), delivery.attempt(), Timestamp.from(outcome.startedAt()),
                outcome.took().toMillis(), outcome.statusCode(), outcome.error());
    }

    /**
     * A new PENDING delivery of a FAILED one's event (same event id and body) to the same subscription; empty
     * when the delivery is not FAILED, or was replayed already.
     */
    Optional<UUID> replay(UUID hospitalId, UUID deliveryId, String replayedBy) {
        return jdbc.queryForList("""
                INSERT INTO webhook_deliveries (subscription_id, hospital_id, event_id, event_type, payload, replay_of, replayed_by)
                SELECT subscription_id, hospital_id, event_id, event_type, payload, delivery_id, ?
                FROM webhook_deliveries WHERE delivery_id = ? AND hospital_id = ? AND status = 'FAILED'
                ON CONFLICT (replay_of) WHERE replay_of IS NOT NULL DO NOTHING
                RETURNING delivery_id
                """, UUID.class, replayedBy, deliveryId, hospitalId).stream().findFirst();
    }

    Optional<DeliveryView> find(UUID hospitalId, UUID deliveryId) {
        return jdbc.query(SELECT_VIEW + " WHERE hospital_id = ? AND delivery_id = ?", this::view, hospitalId, deliveryId)
                .stream().findFirst();
    }

    /** The subscription's latest deliveries, newest first, of one status or all (null). */
    List<DeliveryView> ofSubscription(UUID subscriptionId, DeliveryStatus status, int limit) {
        String name = status == null ? null : status.name();
        return jdbc.query(SELECT_VIEW + " WHERE subscription_id = ? AND (?::text IS NULL OR status = ?)"
                + " ORDER BY created_at DESC LIMIT ?", this::view, subscriptionId, name, name, limit);
    }

    List<AttemptView> attempts(UUID deliveryId) {
        return jdbc.query("""
                SELECT attempt_number, started_at, duration_ms, status_code, error FROM webhook_delivery_attempts
                WHERE delivery_id = ? ORDER BY attempt_number
                """, (rs, row) -> new AttemptView(rs.getInt("attempt_number"), instant(rs, "started_at"),
                        rs.getLong("duration_ms"), (Integer) rs.getObject("status_code"), rs.getString("error")),
                deliveryId);
    }

    private static final String SELECT_VIEW = """
            SELECT delivery_id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, last_error,
                   replay_of, replayed_by, created_at, delivered_at, finished_at
            FROM webhook_deliveries""";

    private DeliveryView view(ResultSet rs, int row) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        return new DeliveryView(rs.getObject("delivery_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), status, rs.getInt("attempts"),
                status == DeliveryStatus.PENDING ? instant(rs, "next_attempt_at") : null, rs.getString("last_error"),
                rs.getObject("replay_of", UUID.class), rs.getString("replayed_by"), instant(rs, "created_at"),
                instant(rs, "delivered_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** A delivery as the API shows it: no body, no secret. */
    record DeliveryView(UUID deliveryId, UUID subscriptionId, UUID eventId, String eventType, DeliveryStatus status, int attempts,
                        Instant nextAttemptAt, String lastError, UUID replayOf, String replayedBy, Instant createdAt,
                        Instant deliveredAt, Instant finishedAt) {
    }

    record AttemptView(int attempt, Instant startedAt, long durationMs, Integer statusCode, String error) {
    }
}
