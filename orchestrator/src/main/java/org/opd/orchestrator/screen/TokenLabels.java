package org.opd.orchestrator.screen;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.operations.MaskedName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What PostgreSQL adds to the projected queue for a screen: the patient's masked name (names are
 * never in Redis or Kafka) and when the token was called in.
 */
@Repository
class TokenLabels {

    record Label(String maskedName, Instant calledTime) {
    }

    private final JdbcClient jdbc;

    TokenLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Label> of(Collection<UUID> tokenIds) {
        if (tokenIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT t.token_id, p.name, t.called_time FROM tokens t JOIN patients p ON p.patient_id = t.patient_id
                        WHERE t.token_id = ANY(:ids)
                        """)
                .param("ids", tokenIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("token_id", UUID.class),
                        new Label(MaskedName.of(rs.getString("name")), instant(rs.getObject("called_time", OffsetDateTime.class)))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
