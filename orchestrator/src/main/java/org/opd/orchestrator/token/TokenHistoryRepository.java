package org.opd.orchestrator.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit trail: one {@code token_history} row per accepted change. */
@Repository
class TokenHistoryRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TokenHistoryRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param eventId the id of the outbox event of the same change, kept in the metadata to link the two */
    void append(UUID tokenId, TokenChange change, UUID eventId, UUID changedBy) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("eventId", eventId.toString());
        metadata.put("eventType", change.type().name());
        metadata.putAll(change.details());
        jdbc.sql("""
                        INSERT INTO token_history (token_id, previous_status, new_status, changed_by, change_reason, metadata, changed_at)
                        VALUES (:tokenId, :previousStatus, :newStatus, :changedBy, :reason, :metadata, :changedAt)
                        """)
                .param("tokenId", tokenId)
                .param("previousStatus", change.previousStatus() == null ? null : change.previousStatus().name())
                .param("newStatus", change.newStatus().name())
                .param("changedBy", changedBy)
                .param("reason", change.reason())
                .param("metadata", Sql.jsonb(write(metadata)))
                .param("changedAt", Sql.timestamp(change.occurredAt()))
                .update();
    }

    private String write(Map<String, Object> metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("History metadata is not writable as JSON", e);
        }
    }
}
