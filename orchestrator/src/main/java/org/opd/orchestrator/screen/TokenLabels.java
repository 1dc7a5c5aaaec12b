package org.opd.orchestrator.screen;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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

    /**
     * The doctor's tokens parked today (in the hospital's time zone), the longest parked first. Parked tokens
     * are out of the projected line, so they are read here; parking and recalling both change the line, so a
     * screen hears of each.
     */
    List<ScreenToken> parkedWith(UUID doctorId) {
        return jdbc.sql("""
                        SELECT t.token_id, t.token_number, p.name, t.called_time FROM tokens t
                        JOIN patients p ON p.patient_id = t.patient_id
                        JOIN hospitals h ON h.hospital_id = t.hospital_id
                        WHERE t.doctor_id = :doctorId AND t.parked_at IS NOT NULL
                          AND t.status IN ('CHECKED_IN', 'WAITING')
                          AND t.service_date = (now() AT TIME ZONE h.timezone)::date
                        ORDER BY t.parked_at, t.token_number
                        """)
                .param("doctorId", doctorId)
                .query((rs, row) -> new ScreenToken(rs.getObject("token_id", UUID.class), rs.getString("token_number"),
                        MaskedName.of(rs.getString("name")), null, null, null,
                        instant(rs.getObject("called_time", OffsetDateTime.class))))
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
