package org.opd.orchestrator.jdbc;

import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sets the {@code status} of one master-data row and returns the row as stored. The table and
 * column names are the repositories' constants, never input.
 *
 * @param table      e.g. {@code doctors}
 * @param idColumn   e.g. {@code doctor_id}
 * @param resource   what a missing row is called in the 404, e.g. {@code doctor}
 * @param hasUpdatedAt whether the table keeps an {@code updated_at} to touch
 */
public record StatusUpdate(String table, String idColumn, String resource, boolean hasUpdatedAt) {

    public <T> T apply(JdbcClient jdbc, UUID id, Enum<?> status, RowMapper<T> mapper) {
        String touch = hasUpdatedAt ? ", updated_at = now()" : "";
        return jdbc.sql("UPDATE " + table + " SET status = :status" + touch + " WHERE " + idColumn + " = :id RETURNING *")
                .param("status", status.name())
                .param("id", id)
                .query(mapper).optional()
                .orElseThrow(() -> new NotFoundException(resource, id));
    }
}
