package org.opd.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

class ApiErrorsIT extends OrchestratorIntegrationTest {

    @Test
    void namesEveryInvalidFieldOfARequest() {
        // When a token is requested without patient, doctor, booking type or time, and with priority 7
        Api.Reply reply = api.post("/tokens", Map.of("priority", 7, "visitReason", "Fever"));

        // Then the answer is a 400 problem listing each field and what is wrong with it
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:validation");
        assertThat(errors(reply)).containsOnly(
                Map.entry("patientId", "must not be null"),
                Map.entry("doctorId", "must not be null"),
                Map.entry("bookingType", "must not be null"),
                Map.entry("scheduledTime", "must not be null"),
                Map.entry("priority", "must be less than or equal to 3"));
    }

    @Test
    void namesAFieldWhoseValueHasTheWrongFormat() {
        Map<String, Object> request = new HashMap<>();
        request.put("patientId", UUID.randomUUID().toString());
        request.put("doctorId", UUID.randomUUID().toString());
        request.put("bookingType", "TELEPATHY");
        request.put("scheduledTime", "2026-03-02T12:00:00+05:30");

        Api.Reply reply = api.post("/tokens", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsOnly(Map.entry("bookingType", "must be one of [WALK_IN, ONLINE, EMERGENCY]"));
    }

    @Test
    void refusesAFractionWhereAWholeNumberIsDueAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, clinic.today());
        request.put("priority", 1.5);

        Api.Reply reply = api.post("/tokens", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsOnly(Map.entry("priority", "must be a whole number"));
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE doctor_id = :d::uuid").param("d", clinic.doctorId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refusesANumberSentAsText() {
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, clinic.today());
        request.put("priority", "2");

        Api.Reply reply = api.post("/tokens", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsOnly(Map.entry("priority", "has the wrong type or format"));
    }

    @Test
    void refusesAFieldTheRequestDoesNotDefine() {
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, clinic.today());
        request.put("prority", 3);

        Api.Reply reply = api.post("/tokens", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsOnly(Map.entry("prority", "is not a field of this request"));
    }

    @Test
    void refusesMalformedJson() {
        Api.Reply reply = api.postRaw("/hospitals", "{\"name\": \"City Hospital\", ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:malformed-request");
    }

    @Test
    void refusesAnIdThatIsNotAUuid() {
        Api.Reply reply = api.get("/tokens/CARD-001");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        Api.Reply reply = api.get("/nowhere");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers404WhenTheParentDoesNotExist() {
        Api.Reply reply = api.post("/hospitals/" + UUID.randomUUID() + "/departments", Map.of("name", "Cardiology",
                "code", "CARD", "avgConsultationMinutes", 15));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("resource")).isEqualTo("hospital");
    }

    @Test
    void namesTheFieldOfATakenValue() {
        // Given a clinic with a CARD department, cabin C-101, a patient and a doctor
        Clinic clinic = Clinic.open(api);
        String uhid = "UH-" + UUID.randomUUID();
        String empCode = "EMP-" + UUID.randomUUID();
        api.create("/hospitals/" + clinic.hospitalId + "/patients",
                Map.of("uhid", uhid, "name", "Ravi Kumar", "phone", "+919800000002"), "patientId");
        api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", empCode, "name", "Dr. Rao",
                "specialization", "Cardiology", "phone", "+919800000100"), "doctorId");

        // When each is created a second time
        Api.Reply department = api.post("/hospitals/" + clinic.hospitalId + "/departments",
                Map.of("name", "Cardiology again", "code", "CARD", "avgConsultationMinutes", 15));
        Api.Reply cabin = api.post("/departments/" + clinic.deptId + "/cabins", Map.of("cabinNumber", "C-101"));
        Api.Reply patient = api.post("/hospitals/" + clinic.hospitalId + "/patients",
                Map.of("uhid", uhid, "name", "Someone Else", "phone", "+919800000003"));
        Api.Reply doctor = api.post("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", empCode,
                "name", "Dr. Other", "specialization", "Cardiology", "phone", "+919800000101"));
        Api.Reply shift = api.post("/shifts", Map.of("cabinId", clinic.cabinId, "doctorId", clinic.doctorId,
                "shiftDate", Clinic.today().toString(), "shiftStartTime", "00:00", "shiftEndTime", "12:00"));

        // Then each is a 409 problem naming the field, without echoing personal data
        assertThat(department.status()).isEqualTo(409);
        assertThat(department.text("type")).isEqualTo("urn:opd:problem:duplicate");
        assertThat(department.text("field")).isEqualTo("code");
        assertThat(cabin.text("field")).isEqualTo("cabinNumber");
        assertThat(patient.status()).isEqualTo(409);
        assertThat(patient.text("field")).isEqualTo("uhid");
        assertThat(patient.body().toString()).doesNotContain("Someone Else", "9800000003");
        assertThat(doctor.text("field")).isEqualTo("empCode");
        assertThat(shift.status()).isEqualTo(409);
        assertThat(shift.text("field")).isEqualTo("shiftStartTime");
    }

    @Test
    void validatesMasterData() {
        Api.Reply hospital = api.post("/hospitals", Map.of("name", "", "address", "Somewhere", "latitude", 91,
                "longitude", 77.5, "timezone", "Mars/Olympus", "operatingHours",
                Map.of("funday", Map.of("open", "08:00", "close", "20:00"),
                        "monday", Map.of("open", "20:00", "close", "08:00"))));
        Clinic clinic = Clinic.open(api);
        Api.Reply shift = api.post("/shifts", Map.of("cabinId", clinic.cabinId, "doctorId", clinic.doctorId,
                "shiftDate", Clinic.today().toString(), "shiftStartTime", "14:00", "shiftEndTime", "09:00"));
        Api.Reply department = api.post("/hospitals/" + clinic.hospitalId + "/departments",
                Map.of("name", "Orthopaedics", "code", "ortho", "avgConsultationMinutes", 0, "colorCode", "blue"));

        assertThat(errors(hospital)).containsOnlyKeys("name", "latitude", "timezone", "operatingHours[funday]",
                "operatingHours[monday].closeAfterOpen");
        assertThat(errors(shift)).containsOnlyKeys("shiftEndTimeAfterStart");
        assertThat(errors(department)).containsOnlyKeys("code", "avgConsultationMinutes", "colorCode");
    }

    @Test
    void validatesDoctorsCabinsAndPatients() {
        Clinic clinic = Clinic.open(api);
        Map<String, Object> doctor = new HashMap<>(Map.of("empCode", "", "name", "Dr. X", "specialization", "Cardiology",
                "phone", "ring me", "email", "not-an-email", "avgConsultationMinutes", 0, "maxTokensPerSession", 501));
        Map<String, Object> cabin = Map.of("cabinNumber", "C-1", "floorNumber", 300, "equipment", java.util.List.of(" "));
        Map<String, Object> patient = Map.of("uhid", "UH-1", "name", "", "phone", "12", "dateOfBirth", "2999-01-01",
                "email", "x@", "gender", "a-very-long-gender-text");

        Api.Reply badDoctor = api.post("/hospitals/" + clinic.hospitalId + "/doctors", doctor);
        Api.Reply badCabin = api.post("/departments/" + clinic.deptId + "/cabins", cabin);
        Api.Reply badPatient = api.post("/hospitals/" + clinic.hospitalId + "/patients", patient);

        assertThat(errors(badDoctor)).containsOnlyKeys("empCode", "phone", "email", "avgConsultationMinutes",
                "maxTokensPerSession");
        assertThat(errors(badCabin)).containsOnlyKeys("floorNumber", "equipment[0]");
        assertThat(errors(badPatient)).containsOnlyKeys("name", "phone", "dateOfBirth", "email", "gender");
        assertThat(badPatient.body().toString()).doesNotContain("a-very-long-gender-text");
    }

    @Test
    void asksForAReasonToCancel() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply reply = api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", " "));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsOnlyKeys("reason");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
    }

    private static Map<String, String> errors(Api.Reply reply) {
        Map<String, String> errors = new HashMap<>();
        for (JsonNode error : reply.body().path("errors")) {
            errors.put(error.path("field").asText(), error.path("message").asText());
        }
        return errors;
    }

    @Test
    void refusesABodyAboveTheLimitWith413BeforeReadingIt() {
        // Given a hospital, and a body of 5 MB that declares its length
        Clinic clinic = Clinic.open(api);
        String huge = "{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        // When it is sent as a patient registration
        Api.Reply reply = api.post("/hospitals/" + clinic.hospitalId + "/patients", Map.of("name", huge));

        // Then it is refused as too large and nothing is stored
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:payload-too-large");
        assertThat(jdbc.sql("SELECT count(*) FROM patients WHERE hospital_id = :h::uuid").param("h", clinic.hospitalId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitWith413() throws Exception {
        // Given a body of 1 MB sent in chunks, without a declared length
        Clinic clinic = Clinic.open(api);
        byte[] body = ("{\"uhid\":\"" + "7".repeat(1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(rest.getRootUri() + "/api/v1/hospitals/" + clinic.hospitalId + "/patients"))
                .header("Authorization", "Bearer " + api.callers().hospitalStaff())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        // When it is sent
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        // Then it is refused as too large
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }
}
