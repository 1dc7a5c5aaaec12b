package org.opd.orchestrator.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.PatientSignIn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A doctor writes the note of a consultation (SOAP and ICD-10-CM diagnoses from the shipped code
 * list), amends it as new versions, and only the token's doctor and its patient read it, each
 * read in the audit trail.
 */
class ConsultationNotesIT extends OrchestratorIntegrationTest {

    @Test
    void theTokensDoctorWritesANoteWithCheckedDiagnosesAndAmendsItKeepingEveryVersion() {
        // Given a patient in the doctor's cabin
        Clinic clinic = Clinic.open(api);
        String tokenId = inConsultation(clinic, clinic.patient());
        Api doctor = api.as(api.callers().doctor(clinic.doctorId));

        // When the doctor writes the note, codes with and without the dot
        Api.Reply first = doctor.post(notes(tokenId), note(1, List.of("e11.9", "I10"), null));

        // Then it is version 1, typed, with the list's descriptions
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().path("currentVersion").asInt()).isEqualTo(1);
        JsonNode written = first.body().path("versions").get(0);
        assertThat(written.path("source").asText()).isEqualTo("TYPED");
        assertThat(written.path("assessment").asText()).isEqualTo("Poorly controlled type 2 diabetes");
        assertThat(written.path("diagnoses").get(0).path("code").asText()).isEqualTo("E11.9");
        assertThat(written.path("diagnoses").get(0).path("description").asText())
                .isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(written.path("diagnoses").get(1).path("description").asText()).isEqualTo("Essential (primary) hypertension");

        // And an amendment needs its reason, and the next version number
        Api.Reply noReason = doctor.post(notes(tokenId), note(2, List.of("E11.65"), null));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("amendmentReason");
        Api.Reply amended = doctor.post(notes(tokenId), note(2, List.of("E11.65"), "HbA1c result: hyperglycaemia"));
        assertThat(amended.status()).as(amended.body().toString()).isEqualTo(201);
        Api.Reply stale = doctor.post(notes(tokenId), note(2, List.of("E11.9"), "A second amendment of version 1"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("currentVersion").asInt()).isEqualTo(2);

        // Then both versions are kept, the first as it was written
        JsonNode read = doctor.get(notes(tokenId)).body();
        assertThat(read.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(read.path("versions")).hasSize(2);
        assertThat(read.path("versions").get(0)).isEqualTo(written);
        assertThat(read.path("versions").get(1).path("diagnoses").get(0).path("code").asText()).isEqualTo("E11.65");
        assertThat(read.path("versions").get(1).path("amendmentReason").asText()).isEqualTo("HbA1c result: hyperglycaemia");

        // And the database refuses to overwrite or delete a version
        assertThatThrownBy(() -> jdbc.sql("UPDATE consultation_notes SET plan = 'changed' WHERE token_id = :id::uuid")
                .param("id", tokenId).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM consultation_diagnoses WHERE token_id = :id::uuid")
                .param("id", tokenId).update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anUnknownCodeOrACategoryHeadingIsRefusedNamingTheFieldAndNothingIsStored() {
        Clinic clinic = Clinic.open(api);
        String tokenId = inConsultation(clinic, clinic.patient());
        Api doctor = api.as(api.callers().doctor(clinic.doctorId));

        Api.Reply unknown = doctor.post(notes(tokenId), note(1, List.of("I10", "X99.99"), null));
        Api.Reply notACode = doctor.post(notes(tokenId), note(1, List.of("hypertension"), null));
        Api.Reply heading = doctor.post(notes(tokenId), note(1, List.of("E11"), null));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("diagnoses[1].code");
        assertThat(unknown.body().path("errors").get(0).path("message").asText()).contains("not an ICD-10-CM code");
        assertThat(notACode.body().path("errors").get(0).path("field").asText()).isEqualTo("diagnoses[0].code");
        assertThat(heading.status()).isEqualTo(400);
        assertThat(heading.body().path("errors").get(0).path("message").asText()).contains("heading of a category");
        assertThat(doctor.get(notes(tokenId)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_notes WHERE token_id = :id::uuid").param("id", tokenId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aTokenThatWasNotSeenHasNoNote() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply refused = api.as(api.callers().doctor(clinic.doctorId)).post(notes(tokenId), note(1, List.of("I10"), null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("currentStatus").asText()).isEqualTo("BOOKED");
    }

    @Test
    void onlyTheTokensDoctorAndItsPatientReadTheNoteAndEveryReadIsAudited() {
        // Given a note of a patient who signs in by phone, another patient, another doctor and a nurse of the hospital
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        String patientId = clinic.patient("Meera Iyer", phone);
        String tokenId = inConsultation(clinic, patientId);
        Api doctor = api.as(api.callers().doctor(clinic.doctorId));
        assertThat(doctor.post(notes(tokenId), note(1, List.of("I10"), null)).status()).isEqualTo(201);
        Api patient = api.as(PatientSignIn.accessToken(api, jdbc, clinic, phone, patientId));
        String otherPhone = PatientSignIn.phone();
        String otherPatientId = clinic.patient("Ravi Shankar", otherPhone);
        Api otherPatient = api.as(PatientSignIn.accessToken(api, jdbc, clinic, otherPhone, otherPatientId));
        Api otherDoctor = api.as(api.callers().doctor(secondDoctor(clinic)));
        Api nurse = api.as(api.callers().client(Set.of("NURSE"), clinic.hospitalId, null, null));

        // When each reads the note
        int doctorRead = doctor.get(notes(tokenId)).status();
        Api.Reply patientRead = patient.get(notes(tokenId));
        int otherPatientRead = otherPatient.get(notes(tokenId)).status();
        int otherDoctorRead = otherDoctor.get(notes(tokenId)).status();
        int nurseRead = nurse.get(notes(tokenId)).status();
        int otherDoctorWrite = otherDoctor.post(notes(tokenId), note(2, List.of("I10"), "Not my patient")).status();

        // Then the treating doctor and the patient read it, nobody else
        assertThat(doctorRead).isEqualTo(200);
        assertThat(patientRead.status()).isEqualTo(200);
        assertThat(patientRead.body().path("versions").get(0).path("diagnoses").get(0).path("code").asText()).isEqualTo("I10");
        assertThat(List.of(otherPatientRead, otherDoctorRead, nurseRead, otherDoctorWrite)).containsOnly(403);

        // And every read is in the audit trail, naming the patient, allowed or refused
        List<Map<String, Object>> reads = jdbc.sql("""
                        SELECT outcome, status, patient_id FROM audit_log
                        WHERE resource_type = 'CONSULTATION_NOTE' AND resource_id = :id::uuid AND action = 'READ'
                        ORDER BY occurred_at
                        """).param("id", tokenId).query().listOfRows();
        assertThat(reads).extracting(row -> row.get("outcome") + " " + row.get("status"))
                .containsExactly("ALLOWED 200", "ALLOWED 200", "REFUSED 403", "REFUSED 403", "REFUSED 403");
        assertThat(reads).extracting(row -> row.get("patient_id")).containsOnly(UUID.fromString(patientId));
    }

    @Test
    void thePickerFindsCodesByTheirStartAndByWordsOfTheDescription() {
        Api doctor = api.as(api.callers().doctor(Clinic.open(api).doctorId));

        JsonNode byCode = doctor.get("/icd10-codes?q=e11.9").body().path("items");
        JsonNode byCategory = doctor.get("/icd10-codes?q=J45&limit=50").body().path("items");
        JsonNode byWords = doctor.get("/icd10-codes?q=essential+hypertension").body().path("items");
        JsonNode byPrefixes = doctor.get("/icd10-codes?q=type+2+diab+without+compl").body().path("items");
        Api.Reply empty = doctor.get("/icd10-codes?q=");
        Api.Reply tooMany = doctor.get("/icd10-codes?q=I10&limit=51");

        assertThat(byCode.get(0).path("code").asText()).isEqualTo("E11.9");
        assertThat(byCategory.get(0).path("code").asText()).isEqualTo("J45");
        assertThat(byCategory.get(0).path("billable").asBoolean()).isFalse();
        assertThat(byCategory).hasSizeGreaterThan(10).allMatch(item -> item.path("code").asText().startsWith("J45"));
        assertThat(byWords.get(0).path("code").asText()).isEqualTo("I10");
        assertThat(byPrefixes).extracting(item -> item.path("code").asText()).contains("E11.9");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        // The whole FY2022 list is loaded, not a sample
        assertThat(jdbc.sql("SELECT count(*) FILTER (WHERE billable) FROM icd10_codes").query(Integer.class).single())
                .isEqualTo(72_748);
    }

    private String inConsultation(Clinic clinic, String patientId) {
        String tokenId = api.post("/tokens", clinic.issueRequest(patientId, 1, Clinic.today())).text("tokenId");
        assertThat(clinic.checkIn(tokenId).status()).isEqualTo(200);
        assertThat(api.post("/tokens/" + tokenId + "/wait").status()).isEqualTo(200);
        assertThat(api.post("/doctors/" + clinic.doctorId + "/call-next").text("tokenId")).isEqualTo(tokenId);
        assertThat(api.post("/tokens/" + tokenId + "/start").text("status")).isEqualTo("IN_CONSULTATION");
        return tokenId;
    }

    private String secondDoctor(Clinic clinic) {
        return api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Vikram Das", "specialization", "Cardiology", "primaryDeptId", clinic.deptId,
                "phone", "+919800000101", "avgConsultationMinutes", 10, "maxTokensPerSession", 30), "doctorId");
    }

    private static String notes(String tokenId) {
        return "/tokens/" + tokenId + "/notes";
    }

    private static Map<String, Object> note(int version, List<String> codes, String amendmentReason) {
        Map<String, Object> note = new HashMap<>(Map.of("version", version,
                "subjective", "Thirst and frequent urination for three weeks",
                "objective", "BP 150/95, random glucose 260 mg/dL",
                "assessment", "Poorly controlled type 2 diabetes",
                "plan", "Start metformin 500 mg twice daily; review in two weeks",
                "diagnoses", codes.stream().map(code -> Map.of("code", code)).toList()));
        if (amendmentReason != null) {
            note.put("amendmentReason", amendmentReason);
        }
        return note;
    }
}
