package org.opd.orchestrator.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.jdbc.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PatientRepository {

    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            "patients_hospital_id_uhid_key",
            new UniqueConstraints.Field("uhid", "The hospital already has a patient with this UHID")));

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Patient create(UUID hospitalId, NewPatient patient) {
        try {
            return Insert.into("patients")
                    .value("hospital_id", hospitalId)
                    .value("uhid", patient.uhid())
                    .value("name", patient.name())
                    .value("phone", patient.phone())
                    .value("email", patient.email())
                    .value("date_of_birth", patient.dateOfBirth())
                    .value("gender", patient.gender())
                    .valueOrDefault("whatsapp_opt_in", patient.whatsappOptIn())
                    .valueOrDefault("sms_opt_in", patient.smsOptIn())
                    .value("fcm_token", patient.fcmToken())
                    .value("preferred_language", patient.preferredLanguage())
                    .returning(jdbc, PatientRepository::map);
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        }
    }

    public Optional<Patient> find(UUID patientId) {
        return jdbc.sql("SELECT * FROM patients WHERE patient_id = :id").param("id", patientId)
                .query(PatientRepository::map).optional();
    }

    public Patient require(UUID patientId) {
        return find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
    }

    Patient updateContact(UUID patientId, PatientContact contact) {
        return jdbc.sql("""
                        UPDATE patients
                        SET phone = :phone, email = :email, whatsapp_opt_in = :whatsappOptIn, sms_opt_in = :smsOptIn,
                            fcm_token = :fcmToken, preferred_language = :preferredLanguage, updated_at = now()
                        WHERE patient_id = :id
                        RETURNING *
                        """)
                .param("phone", contact.phone())
                .param("email", contact.email())
                .param("whatsappOptIn", contact.whatsappOptIn())
                .param("smsOptIn", contact.smsOptIn())
                .param("fcmToken", contact.fcmToken())
                .param("preferredLanguage", contact.preferredLanguage())
                .param("id", patientId)
                .query(PatientRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("patient", patientId));
    }

    /** The hospital's patients registered with any of the numbers (exactly as written at registration), oldest first. */
    List<Patient> withPhoneAmong(UUID hospitalId, Collection<String> phones) {
        return jdbc.sql("""
                        SELECT * FROM patients WHERE hospital_id = :hospitalId AND phone IN (:phones)
                        ORDER BY created_at, patient_id
                        """)
                .param("hospitalId", hospitalId)
                .param("phones", List.copyOf(phones))
                .query(PatientRepository::map).list();
    }

    /** @param phone the exact number as registered */
    Page<Patient> page(UUID hospitalId, String uhid, String phone, PageRequest page) {
        Where where = new Where()
                .is("hospital_id = :hospitalId", "hospitalId", hospitalId)
                .optional("uhid = :uhid", "uhid", uhid)
                .optional("phone = :phone", "phone", phone);
        return PagedSelect.run(jdbc, "SELECT *", "FROM patients", where, "uhid, patient_id", PatientRepository::map, page);
    }

    private static Patient map(ResultSet rs, int row) throws SQLException {
        return new Patient(
                Sql.uuid(rs, "patient_id"),
                Sql.uuid(rs, "hospital_id"),
                rs.getString("uhid"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("gender"),
                rs.getBoolean("whatsapp_opt_in"),
                rs.getBoolean("sms_opt_in"),
                rs.getString("fcm_token") != null,
                rs.getString("preferred_language"));
    }
}
