package org.opd.notifier.outbound;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code webhook_subscriptions} table. Only {@link #create} sees the secret leave; reads never return it. */
@Repository
class WebhookSubscriptions {

    private static final String COLUMNS =
            "subscription_id, hospital_id, target_url, event_types, description, active, created_by, created_at, updated_at";

    private final JdbcTemplate jdbc;

    WebhookSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean hospitalExists(UUID hospitalId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM hospitals WHERE hospital_id = ?)",
                Boolean.class, hospitalId));
    }

    Subscription create(UUID hospitalId, URI targetUrl, List<String> eventTypes, String description, boolean active,
                        String secret, String createdBy) {
        return jdbc.queryForObject("""
                INSERT INTO webhook_subscriptions (hospital_id, target_url, event_types, description, active, secret, created_by)
                VALUES (?, ?, ?::text[], ?, ?, ?, ?)
                RETURNING\s""" + COLUMNS, this::subscription,
                hospitalId, targetUrl.toString(), textArray(eventTypes), description, active, secret, createdBy);
    }

    Optional<Subscription> find(UUID hospitalId, UUID subscriptionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE hospital_id = ? AND subscription_id = ?",
                this::subscription, hospitalId, subscriptionId).stream().findFirst();
    }

    List<Subscription> ofHospital(UUID hospitalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE hospital_id = ? ORDER BY created_at",
                this::subscription, hospitalId);
    }

    /** Changes what is given (null: kept) in one statement; empty when there is no such subscription. */
    Optional<Subscription> update(UUID hospitalId, UUID subscriptionId, URI targetUrl, List<String> eventTypes,
                                  String description, Boolean active) {
        return jdbc.query("""
                UPDATE webhook_subscriptions
                SET target_url = COALESCE(?, target_url), event_types = COALESCE(?::text[], event_types),
                    description = COALESCE(?, description), active = COALESCE(?, active), updated_at = now()
                WHERE hospital_id = ? AND subscription_id = ?
                RETURNING\s""" + COLUMNS, this::subscription,
                targetUrl == null ? null : targetUrl.toString(), eventTypes == null ? null : textArray(eventTypes),
                description, active, hospitalId, subscriptionId).stream().findFirst();
    }

    /** Postgres' text array literal of names from the catalogue (letters and underscores only, so no quoting). */
    private static String textArray(List<String> names) {
        return "{" + String.join(",", names) + "}";
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Subscription(rs.getObject("subscription_id", UUID.class), rs.getObject("hospital_id", UUID.class),
                URI.create(rs.getString("target_url")), List.of((String[]) types.getArray()), rs.getString("description"),
                rs.getBoolean("active"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    record Subscription(UUID subscriptionId, UUID hospitalId, URI targetUrl, List<String> eventTypes, String description,
                        boolean active, String createdBy, Instant createdAt, Instant updatedAt) {
    }
}
