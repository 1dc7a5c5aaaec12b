package org.opd.orchestrator.status;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads one token for its status page, with the names of its doctor, department and cabin. */
@Repository
class TokenStatusRepository {

    private final JdbcClient jdbc;

    TokenStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TokenStatusRow> find(UUID tokenId) {
        return jdbc.sql("""
                        SELECT t.token_id, t.doctor_id, t.token_number, t.status, t.called_time, t.updated_at,
                               d.name AS doctor_name, dep.name AS department_name, c.cabin_number, h.timezone
                        FROM tokens t
                        JOIN doctors d ON d.doctor_id = t.doctor_id
                        JOIN departments dep ON dep.dept_id = t.dept_id
                        JOIN cabins c ON c.cabin_id = t.cabin_id
                        JOIN hospitals h ON h.hospital_id = t.hospital_id
                        WHERE t.token_id = :id
                        """)
                .param("id", tokenId)
                .query((rs, row) -> {
                    OffsetDateTime called = rs.getObject("called_time", OffsetDateTime.class);
                    return new TokenStatusRow(rs.getObject("token_id", UUID.class), rs.getObject("doctor_id", UUID.class),
                            rs.getString("token_number"), TokenStatus.valueOf(rs.getString("status")),
                            rs.getString("doctor_name"), rs.getString("department_name"), rs.getString("cabin_number"),
                            called == null ? null : called.toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            ZoneId.of(rs.getString("timezone")));
                })
                .optional();
    }
}
