package org.opd.orchestrator.access;

import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds whose a record is, with one primary-key query. */
@Component
class ResourceOwners {

    private final JdbcClient jdbc;

    ResourceOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Owners> of(Resource resource, UUID id) {
        String sql = switch (resource) {
            case HOSPITAL -> "SELECT hospital_id, NULL::uuid AS dept_id, NULL::uuid AS doctor_id, NULL::uuid AS patient_id FROM hospitals WHERE hospital_id = :id";
            case DEPARTMENT -> "SELECT hospital_id, dept_id, NULL::uuid AS doctor_id, NULL::uuid AS patient_id FROM departments WHERE dept_id = :id";
            case CABIN -> """
                    SELECT d.hospital_id, c.dept_id, NULL::uuid AS doctor_id, NULL::uuid AS patient_id
                    FROM cabins c JOIN departments d ON d.dept_id = c.dept_id WHERE c.cabin_id = :id""";
            case DOCTOR -> "SELECT hospital_id, primary_dept_id AS dept_id, doctor_id, NULL::uuid AS patient_id FROM doctors WHERE doctor_id = :id";
            case SHIFT -> """
                    SELECT d.hospital_id, c.dept_id, s.doctor_id, NULL::uuid AS patient_id
                    FROM cabin_doctors s JOIN cabins c ON c.cabin_id = s.cabin_id JOIN departments d ON d.dept_id = c.dept_id
                    WHERE s.assignment_id = :id""";
            case PATIENT -> "SELECT hospital_id, NULL::uuid AS dept_id, NULL::uuid AS doctor_id, patient_id FROM patients WHERE patient_id = :id";
            case TOKEN -> "SELECT hospital_id, dept_id, doctor_id, patient_id FROM tokens WHERE token_id = :id";
            case SCHEDULE_EXCEPTION -> """
                    SELECT d.hospital_id, d.primary_dept_id AS dept_id, d.doctor_id, NULL::uuid AS patient_id
                    FROM schedule_exceptions e JOIN doctors d ON d.doctor_id = e.doctor_id WHERE e.exception_id = :id""";
            case APPOINTMENT -> """
                    SELECT d.hospital_id, d.primary_dept_id AS dept_id, a.doctor_id, a.patient_id
                    FROM appointments a JOIN doctors d ON d.doctor_id = a.doctor_id WHERE a.appointment_id = :id""";
            case WAITLIST_ENTRY -> """
                    SELECT d.hospital_id, d.primary_dept_id AS dept_id, w.doctor_id, w.patient_id
                    FROM waitlist_entries w JOIN doctors d ON d.doctor_id = w.doctor_id WHERE w.entry_id = :id""";
            case CONSULTATION -> """
                    SELECT hospital_id, dept_id, doctor_id, patient_id FROM tokens WHERE token_id = :id
                    UNION ALL SELECT hospital_id, dept_id, doctor_id, patient_id FROM tokens_archive WHERE token_id = :id
                    LIMIT 1""";
            // The alert's entity decides: a department's, a doctor's (their department) or a token's.
            case ALERT -> """
                    SELECT COALESCE(dep.hospital_id, doc.hospital_id, tok.hospital_id) AS hospital_id,
                           COALESCE(dep.dept_id, doc.primary_dept_id, tok.dept_id) AS dept_id,
                           NULL::uuid AS doctor_id, NULL::uuid AS patient_id
                    FROM system_alerts a
                    LEFT JOIN departments dep ON a.entity_type = 'DEPARTMENT' AND dep.dept_id = a.entity_id
                    LEFT JOIN doctors doc ON a.entity_type = 'DOCTOR' AND doc.doctor_id = a.entity_id
                    LEFT JOIN tokens tok ON a.entity_type = 'TOKEN' AND tok.token_id = a.entity_id
                    WHERE a.alert_id = :id""";
        };
        return jdbc.sql(sql).param("id", id)
                .query((rs, row) -> new Owners(Sql.uuid(rs, "hospital_id"), Sql.uuid(rs, "dept_id"), Sql.uuid(rs, "doctor_id"),
                        Sql.uuid(rs, "patient_id")))
                .optional();
    }
}
