package org.opd.notifier.intake;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads, from the orchestrator's tables, who to tell about a token and what: events carry only ids. */
@Repository
class Recipients {

    private final JdbcTemplate jdbc;

    Recipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recipient> find(UUID tokenId) {
        return jdbc.query("""
                SELECT t.token_number, t.patient_id, p.phone, p.sms_opt_in, p.whatsapp_opt_in,
                       p.fcm_token IS NOT NULL AND p.fcm_token <> '' AS has_push_device, p.preferred_language,
                       d.name AS doctor_name, dept.name AS department_name, c.cabin_number, t.scheduled_time, h.timezone
                FROM tokens t
                JOIN patients p ON p.patient_id = t.patient_id
                JOIN doctors d ON d.doctor_id = t.doctor_id
                JOIN departments dept ON dept.dept_id = t.dept_id
                JOIN cabins c ON c.cabin_id = t.cabin_id
                JOIN hospitals h ON h.hospital_id = t.hospital_id
                WHERE t.token_id = ?
                """, (rs, row) -> new Recipient(
                        tokenId,
                        rs.getString("token_number"),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("phone"),
                        rs.getBoolean("sms_opt_in"),
                        rs.getBoolean("whatsapp_opt_in"),
                        rs.getBoolean("has_push_device"),
                        rs.getString("preferred_language"),
                        rs.getString("doctor_name"),
                        rs.getString("department_name"),
                        rs.getString("cabin_number"),
                        rs.getObject("scheduled_time", OffsetDateTime.class).toInstant(),
                        ZoneId.of(rs.getString("timezone"))),
                tokenId).stream().findFirst();
    }
}
