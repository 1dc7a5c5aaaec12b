package org.opd.orchestrator.idempotency;

import java.time.Instant;
import java.util.Optional;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code idempotency_keys} table: each key with the request it was first used for and that request's answer. */
@Repository
class IdempotencyKeys {

    /** What a key was used for before, when it was. */
    record Earlier(String requestHash, StoredResponse response) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or returns its earlier use. A request with the same key
     * still in flight holds the key's row uncommitted; the insert waits for it, so a concurrent
     * retry sees the first answer once it is committed, or claims the key if the first one failed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Earlier> claim(String key, String requestHash) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_keys (idempotency_key, request_hash) VALUES (:key, :hash)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("key", key)
                .param("hash", requestHash)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT request_hash, response_status, response_content_type, response_location, response_etag,
                               response_body
                        FROM idempotency_keys WHERE idempotency_key = :key
                        """)
                .param("key", key)
                .query((rs, row) -> new Earlier(rs.getString("request_hash"), new StoredResponse(
                        rs.getInt("response_status"), rs.getString("response_content_type"),
                        rs.getString("response_location"), rs.getString("response_etag"),
                        rs.getString("response_body"))))
                .single());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void answer(String key, StoredResponse response) {
        jdbc.sql("""
                        UPDATE idempotency_keys
                        SET response_status = :status, response_content_type = :contentType,
                            response_location = :location, response_etag = :etag, response_body = :body
                        WHERE idempotency_key = :key
                        """)
                .param("status", response.status())
                .param("contentType", response.contentType())
                .param("location", response.location())
                .param("etag", response.etag())
                .param("body", response.body())
                .param("key", key)
                .update();
    }

    /** Forgets keys used before the given time; a retry after that is treated as a new request. */
    @Transactional
    int forgetUsedBefore(Instant before) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", Sql.timestamp(before))
                .update();
    }
}
