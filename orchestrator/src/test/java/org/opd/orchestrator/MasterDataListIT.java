package org.opd.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

class MasterDataListIT extends OrchestratorIntegrationTest {

    @Test
    void listsAHospitalsDepartmentsPageByPageFilteredByStatus() {
        // Given a hospital with three departments, one of them closed
        String hospitalId = api.create("/hospitals", Map.of("name", "List Hospital", "address", "5 List Road",
                "latitude", 12.9, "longitude", 77.6), "hospitalId");
        for (String code : List.of("ENT", "EYE", "SKIN")) {
            api.create("/hospitals/" + hospitalId + "/departments", Map.of("name", code, "code", code,
                    "avgConsultationMinutes", 10), "deptId");
        }
        String skin = idOf(api.get("/hospitals/" + hospitalId + "/departments?size=1&page=2").body().path("items").get(0),
                "deptId");
        Api.Reply closed = api.put("/departments/" + skin + "/status", Map.of("status", "INACTIVE"));

        // When the active ones are listed one per page
        JsonNode firstPage = api.get("/hospitals/" + hospitalId + "/departments?status=ACTIVE&size=1").body();
        JsonNode secondPage = api.get("/hospitals/" + hospitalId + "/departments?status=ACTIVE&size=1&page=1").body();

        // Then the pages come in code order and count only the active two
        assertThat(closed.text("status")).isEqualTo("INACTIVE");
        assertThat(firstPage.path("totalItems").asLong()).isEqualTo(2);
        assertThat(firstPage.path("totalPages").asLong()).isEqualTo(2);
        assertThat(firstPage.path("items").get(0).path("code").asText()).isEqualTo("ENT");
        assertThat(secondPage.path("items").get(0).path("code").asText()).isEqualTo("EYE");
        assertThat(api.get("/departments/" + skin).text("status")).isEqualTo("INACTIVE");
    }

    @Test
    void listsDoctorsCabinsPatientsAndShiftsByTheirFilters() {
        // Given a clinic with a second cabin on floor 3 and a second patient
        Clinic clinic = Clinic.open(api);
        api.create("/departments/" + clinic.deptId + "/cabins", Map.of("cabinNumber", "C-301", "floorNumber", 3), "cabinId");
        String uhid = "UH-" + UUID.randomUUID();
        String patientId = api.create("/hospitals/" + clinic.hospitalId + "/patients",
                Map.of("uhid", uhid, "name", "Kiran Das", "phone", "09800000555"), "patientId");
        clinic.patient();

        // Then each list answers its filters
        JsonNode doctors = api.get("/hospitals/" + clinic.hospitalId + "/doctors?deptId=" + clinic.deptId
                + "&status=ACTIVE&specialization=cardiology").body();
        assertThat(doctors.path("items")).extracting(d -> d.path("doctorId").asText()).containsExactly(clinic.doctorId);
        JsonNode floor3 = api.get("/departments/" + clinic.deptId + "/cabins?floorNumber=3").body();
        assertThat(floor3.path("items")).extracting(c -> c.path("cabinNumber").asText()).containsExactly("C-301");
        JsonNode byUhid = api.get("/hospitals/" + clinic.hospitalId + "/patients?uhid=" + uhid).body();
        assertThat(byUhid.path("items")).extracting(p -> p.path("patientId").asText()).containsExactly(patientId);
        JsonNode byPhone = api.get("/hospitals/" + clinic.hospitalId + "/patients?phone=09800000555").body();
        assertThat(byPhone.path("totalItems").asLong()).isEqualTo(1);
        JsonNode shifts = api.get("/shifts?doctorId=" + clinic.doctorId + "&shiftDate=" + Clinic.today()).body();
        assertThat(shifts.path("items")).extracting(s -> s.path("assignmentId").asText()).containsExactly(clinic.shiftId);
        assertThat(api.get("/patients/" + patientId).text("uhid")).isEqualTo(uhid);
        assertThat(api.get("/doctors/" + clinic.doctorId).text("status")).isEqualTo("ACTIVE");
        assertThat(api.get("/cabins/" + clinic.cabinId).text("cabinNumber")).isEqualTo("C-101");
        assertThat(api.get("/hospitals/" + clinic.hospitalId).text("timezone")).isEqualTo("Asia/Kolkata");
        assertThat(api.get("/shifts/" + clinic.shiftId).text("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void listsTokensOfADoctorByStatusPageByPage() {
        // Given five tokens of a doctor, one cancelled
        Clinic clinic = Clinic.open(api);
        List<String> tokenIds = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> clinic.token(1).get("tokenId").asText()).toList();
        api.post("/tokens/" + tokenIds.get(0) + "/cancel", Map.of("reason", "Patient asked to cancel"));

        // When the booked ones are read two at a time
        String query = "/tokens?doctorId=" + clinic.doctorId + "&status=BOOKED&serviceDate=" + Clinic.today() + "&size=2";
        JsonNode first = api.get(query).body();
        JsonNode last = api.get(query + "&page=1").body();
        JsonNode beyond = api.get(query + "&page=5").body();

        // Then there are four in number order, over two pages, and nothing beyond
        assertThat(first.path("totalItems").asLong()).isEqualTo(4);
        assertThat(first.path("items")).extracting(t -> t.path("tokenNumber").asText()).containsExactly("CARD-002", "CARD-003");
        assertThat(last.path("items")).extracting(t -> t.path("tokenNumber").asText()).containsExactly("CARD-004", "CARD-005");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    void aDoctorOnLeaveGetsNoTokensUntilBackAtWork() {
        // Given a doctor on shift who goes on leave
        Clinic clinic = Clinic.open(api);
        Api.Reply onLeave = api.put("/doctors/" + clinic.doctorId + "/status", Map.of("status", "ON_LEAVE"));

        // When a token is asked for, and again once the doctor is back
        Api.Reply refused = clinic.issue(clinic.patient(), 1, Clinic.today());
        api.put("/doctors/" + clinic.doctorId + "/status", Map.of("status", "ACTIVE"));
        Api.Reply issued = clinic.issue(clinic.patient(), 1, Clinic.today());

        // Then the first is refused naming the doctor's status, and the second is issued as the day's first
        assertThat(onLeave.text("status")).isEqualTo("ON_LEAVE");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:doctor-unavailable");
        assertThat(refused.text("field")).isEqualTo("doctorId");
        assertThat(refused.text("doctorStatus")).isEqualTo("ON_LEAVE");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.text("tokenNumber")).isEqualTo("CARD-001");
    }

    @Test
    void anInactiveDepartmentOrACancelledShiftIssuesNoTokens() {
        Clinic closedDepartment = Clinic.open(api);
        Clinic cancelledShift = Clinic.open(api);
        api.put("/departments/" + closedDepartment.deptId + "/status", Map.of("status", "INACTIVE"));
        Api.Reply cancelled = api.post("/shifts/" + cancelledShift.shiftId + "/cancel");

        Api.Reply inactive = closedDepartment.issue(closedDepartment.patient(), 1, Clinic.today());
        Api.Reply noShift = cancelledShift.issue(cancelledShift.patient(), 1, Clinic.today());

        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.text("type")).isEqualTo("urn:opd:problem:department-inactive");
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(noShift.text("type")).isEqualTo("urn:opd:problem:no-shift");
    }

    @Test
    void replacesAPatientsContactSoAnOptOutAndANewPushTokenApply() {
        // Given a patient registered with SMS on and no app
        Clinic clinic = Clinic.open(api);
        String patientId = clinic.patient();

        // When reception records an SMS opt-out, a new number and the app's push token
        Api.Reply updated = api.put("/patients/" + patientId + "/contact", Map.of("phone", "+919811100000",
                "whatsappOptIn", true, "smsOptIn", false, "fcmToken", "new-device-token"));
        Api.Reply invalid = api.put("/patients/" + patientId + "/contact", Map.of("phone", "call me"));

        // Then the patient shows them, the token itself kept out of answers; an invalid contact changes nothing
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("phone")).isEqualTo("+919811100000");
        assertThat(updated.body().path("smsOptIn").asBoolean()).isFalse();
        assertThat(updated.body().path("whatsappOptIn").asBoolean()).isTrue();
        assertThat(updated.body().path("hasPushToken").asBoolean()).isTrue();
        assertThat(updated.body().toString()).doesNotContain("new-device-token");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("phone", "whatsappOptIn", "smsOptIn");
        assertThat(api.get("/patients/" + patientId).text("phone")).isEqualTo("+919811100000");
    }

    @Test
    void keepsThePatientsLanguageForTheirMessagesFromRegistrationAndContactUpdates() {
        // Given a patient registered to read messages in Hindi
        Clinic clinic = Clinic.open(api);
        Api.Reply registered = api.post("/hospitals/" + clinic.hospitalId + "/patients", Map.of("uhid", "UH-LANG-1",
                "name", "Meera Iyer", "phone", "+919800000077", "smsOptIn", true, "preferredLanguage", "hi"));
        String patientId = registered.text("patientId");

        // When reception changes it to English, and once tries a name instead of a code
        Api.Reply english = api.put("/patients/" + patientId + "/contact", Map.of("phone", "+919800000077",
                "whatsappOptIn", false, "smsOptIn", true, "preferredLanguage", "en"));
        Api.Reply invalid = api.put("/patients/" + patientId + "/contact", Map.of("phone", "+919800000077",
                "whatsappOptIn", false, "smsOptIn", true, "preferredLanguage", "Hindi"));

        // Then the patient (and the column the notifier reads) carries the language; the invalid one changed nothing
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("preferredLanguage")).isEqualTo("hi");
        assertThat(english.text("preferredLanguage")).isEqualTo("en");
        assertThat(fields(invalid)).containsExactly("preferredLanguage");
        assertThat(jdbc.sql("SELECT preferred_language FROM patients WHERE patient_id = :id::uuid").param("id", patientId)
                .query(String.class).single()).isEqualTo("en");
    }

    @Test
    void appliesNewDepartmentAndDoctorSettingsToTheNextTokens() {
        // Given a clinic whose department now takes one token a day and whose doctor takes 20 minutes
        Clinic clinic = Clinic.open(api);
        Api.Reply department = api.put("/departments/" + clinic.deptId + "/settings", Map.of("name", "Cardiology",
                "avgConsultationMinutes", 15, "bufferMinutes", 2, "maxTokensPerDay", 1, "colorCode", "#00AA00",
                "priorityLevel", 2));
        Api.Reply doctor = api.put("/doctors/" + clinic.doctorId + "/settings", Map.of("specialization", "Cardiology",
                "avgConsultationMinutes", 20, "maxTokensPerSession", 40));

        // When two tokens are asked for
        String first = clinic.token(1).get("tokenId").asText();
        Api.Reply second = clinic.issue(clinic.patient(), 1, Clinic.today());

        // Then the settings show, the first token's event carries them, and the second is beyond the limit
        assertThat(department.body().path("bufferMinutes").asInt()).isEqualTo(2);
        assertThat(department.text("code")).isEqualTo("CARD");
        assertThat(doctor.body().path("avgConsultationMinutes").asInt()).isEqualTo(20);
        assertThat(jdbc.sql("""
                        SELECT (payload->>'avgConsultationMinutes') || '/' || (payload->>'bufferMinutes') FROM outbox
                        WHERE payload->>'tokenId' = :id
                        """).param("id", first).query(String.class).single()).isEqualTo("20/2");
        assertThat(second.text("type")).isEqualTo("urn:opd:problem:daily-token-limit-reached");
        assertThat(fields(api.put("/doctors/" + clinic.doctorId + "/settings", Map.of("specialization", "Cardiology"))))
                .containsExactlyInAnyOrder("avgConsultationMinutes", "maxTokensPerSession");
    }

    @Test
    void namesEachInvalidListParameterOrStatus() {
        Clinic clinic = Clinic.open(api);

        Api.Reply badPage = api.get("/hospitals/" + clinic.hospitalId + "/doctors?size=500&page=-1");
        Api.Reply badStatus = api.get("/hospitals/" + clinic.hospitalId + "/doctors?status=SLEEPING");
        Api.Reply badNumber = api.get("/tokens?size=ten");
        Api.Reply badBody = api.put("/doctors/" + clinic.doctorId + "/status", Map.of("status", "SLEEPING"));
        Api.Reply noBody = api.put("/cabins/" + clinic.cabinId + "/status", Map.of());

        assertThat(fields(badPage)).containsExactlyInAnyOrder("size", "page");
        assertThat(fields(badStatus)).containsExactly("status");
        assertThat(fields(badNumber)).containsExactly("size");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be one of [ACTIVE, ON_LEAVE, INACTIVE]");
        assertThat(fields(noBody)).containsExactly("status");
    }

    @Test
    void answers404ForUnknownMasterData() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/doctors/" + unknown).text("resource")).isEqualTo("doctor");
        assertThat(api.get("/hospitals/" + unknown + "/departments").text("resource")).isEqualTo("hospital");
        assertThat(api.put("/cabins/" + unknown + "/status", Map.of("status", "MAINTENANCE")).status()).isEqualTo(404);
        assertThat(api.get("/shifts/" + unknown).text("resource")).isEqualTo("shift");
    }

    private static List<String> fields(Api.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:validation");
        return java.util.stream.StreamSupport.stream(reply.body().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
    }

    private static String idOf(JsonNode node, String field) {
        return node.path(field).asText();
    }
}
