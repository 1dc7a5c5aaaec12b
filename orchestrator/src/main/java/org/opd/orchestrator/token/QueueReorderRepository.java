package org.opd.orchestrator.token;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code queue_reorders} table: every change that put a token ahead of others waiting. */
@Repository
class QueueReorderRepository {

    private final JdbcClient jdbc;

    QueueReorderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(QueueReorder reorder) {
        jdbc.sql("""
                        INSERT INTO queue_reorders (reorder_id, doctor_id, token_id, reason, priority, line_place_at,
                                                    overtaken_token_ids, held_ahead_token_ids, occurred_at, changed_by)
                        VALUES (:reorderId, :doctorId, :tokenId, :reason, :priority, :linePlaceAt,
                                :overtaken::uuid[], :heldAhead::uuid[], :occurredAt, :changedBy)
                        """)
                .param("reorderId", reorder.reorderId())
                .param("doctorId", reorder.doctorId())
                .param("tokenId", reorder.tokenId())
                .param("reason", reorder.reason().name())
                .param("priority", reorder.priority())
                .param("linePlaceAt", Sql.timestamp(reorder.linePlaceAt()))
                .param("overtaken", arrayLiteral(reorder.overtakenTokenIds()))
                .param("heldAhead", arrayLiteral(reorder.heldAheadTokenIds()))
                .param("occurredAt", Sql.timestamp(reorder.occurredAt()))
                .param("changedBy", reorder.changedBy())
                .update();
    }

    /** The doctor's reorders in [from, to), oldest first. */
    List<QueueReorder> findByDoctor(UUID doctorId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT * FROM queue_reorders
                        WHERE doctor_id = :doctorId AND occurred_at >= :from AND occurred_at < :to
                        ORDER BY occurred_at, reorder_id
                        """)
                .param("doctorId", doctorId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(QueueReorderRepository::map).list();
    }

    private static String arrayLiteral(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static QueueReorder map(ResultSet rs, int row) throws SQLException {
        return new QueueReorder(Sql.uuid(rs, "reorder_id"), Sql.uuid(rs, "doctor_id"), Sql.uuid(rs, "token_id"),
                ReorderReason.valueOf(rs.getString("reason")), rs.getInt("priority"), Sql.instant(rs, "line_place_at"),
                uuids(rs.getArray("overtaken_token_ids")), uuids(rs.getArray("held_ahead_token_ids")),
                Sql.instant(rs, "occurred_at"), Sql.uuid(rs, "changed_by"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
