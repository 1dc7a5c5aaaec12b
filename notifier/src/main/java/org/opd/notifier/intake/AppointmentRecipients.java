package org.opd.notifier.intake;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads, from the orchestrator's tables, who to tell about an appointment and what: events carry only ids. */
@Repository
class AppointmentRecipients {

    private final JdbcTemplate jdbc;

    AppointmentRecipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppointmentRecipient> find(UUID appointmentId) {
        return jdbc.query("""
                SELECT a.patient_id, p.phone, p.sms_opt_in, p.whatsapp_opt_in, p.preferred_language,
                       d.name AS doctor_name, dept.name AS department_name, a.starts_at, h.timezone, l.short_url
                FROM appointments a
                JOIN patients p ON p.patient_id = a.patient_id
                JOIN doctors d ON d.doctor_id = a.doctor_id
                JOIN departments dept ON dept.dept_id = d.primary_dept_id
                JOIN hospitals h ON h.hospital_id = d.hospital_id
                LEFT JOIN payment_links l ON l.appointment_id = a.appointment_id
                WHERE a.appointment_id = ?
                """, (rs, row) -> new AppointmentRecipient(
                        appointmentId,
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("phone"),
                        rs.getBoolean("sms_opt_in"),
                        rs.getBoolean("whatsapp_opt_in"),
                        rs.getString("preferred_language"),
                        rs.getString("doctor_name"),
                        rs.getString("department_name"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        ZoneId.of(rs.getString("timezone")),
                        rs.getString("short_url")),
                appointmentId).stream().findFirst();
    }
}
