package org.opd.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

class MasterDataIT extends OrchestratorIntegrationTest {

    @Test
    void createsAHospitalWithTheSchemasDefaultsForWhatIsLeftOut() {
        Api.Reply hospital = api.post("/hospitals", Map.of("name", "Lake Clinic", "address", "2 Lake Road",
                "latitude", 12.95, "longitude", 77.60));

        assertThat(hospital.status()).isEqualTo(201);
        JsonNode body = hospital.body();
        assertThat(UUID.fromString(body.path("hospitalId").asText())).isNotNull();
        assertThat(body.path("geofenceRadiusMeters").asInt()).isEqualTo(200);
        assertThat(body.path("timezone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(body.path("operatingHours").path("monday").path("open").asText()).isEqualTo("08:00");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void keepsWhatWasGivenForEachKindOfMasterData() {
        Api.Reply hospital = api.post("/hospitals", Map.of("name", "Hill Hospital", "address", "3 Hill Road",
                "latitude", 28.6139, "longitude", 77.2090, "geofenceRadiusMeters", 350, "timezone", "Asia/Kolkata",
                "operatingHours", Map.of("sunday", Map.of("open", "09:00", "close", "13:30"))));
        String hospitalId = hospital.text("hospitalId");
        Api.Reply department = api.post("/hospitals/" + hospitalId + "/departments", Map.of("name", "Orthopaedics",
                "code", "ORTHO", "avgConsultationMinutes", 20));
        Api.Reply cabin = api.post("/departments/" + department.text("deptId") + "/cabins",
                Map.of("cabinNumber", "O-2", "floorNumber", 2, "equipment", java.util.List.of("X-Ray Viewer")));
        Api.Reply doctor = api.post("/hospitals/" + hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Vikram Shah", "specialization", "Orthopaedics", "primaryDeptId", department.text("deptId"),
                "phone", "+919800000200", "email", UUID.randomUUID() + "@hill.example"));
        Api.Reply patient = api.post("/hospitals/" + hospitalId + "/patients", Map.of("uhid", "UH-77",
                "name", "Anil Mehta", "phone", "9800000300", "dateOfBirth", "1950-06-01", "fcmToken", "device-token"));

        assertThat(hospital.body().path("operatingHours").path("sunday").path("close").asText()).isEqualTo("13:30");
        assertThat(hospital.body().path("geofenceRadiusMeters").asInt()).isEqualTo(350);
        assertThat(department.status()).isEqualTo(201);
        assertThat(department.body().path("bufferMinutes").asInt()).isEqualTo(5);
        assertThat(department.body().path("maxTokensPerDay").asInt()).isEqualTo(100);
        assertThat(department.text("colorCode")).isEqualTo("#007BFF");
        assertThat(cabin.body().path("equipment").get(0).asText()).isEqualTo("X-Ray Viewer");
        assertThat(cabin.text("status")).isEqualTo("AVAILABLE");
        assertThat(doctor.body().path("avgConsultationMinutes").asInt()).isEqualTo(15);
        assertThat(doctor.text("primaryDeptId")).isEqualTo(department.text("deptId"));
        assertThat(patient.status()).isEqualTo(201);
        assertThat(patient.body().path("smsOptIn").asBoolean()).isTrue();
        assertThat(patient.body().path("hasPushToken").asBoolean()).isTrue();
        assertThat(patient.body().has("fcmToken")).isFalse();
    }

    @Test
    void startsAndEndsAShiftAtTheActualTimesInTheHospitalsZone() {
        // Given a planned shift
        Clinic clinic = Clinic.open(api);

        // When the doctor arrives, tries to start again, and leaves
        Api.Reply started = api.post("/shifts/" + clinic.shiftId + "/start");
        Api.Reply startedAgain = api.post("/shifts/" + clinic.shiftId + "/start");
        Api.Reply ended = api.post("/shifts/" + clinic.shiftId + "/end");

        // Then the shift records both times with the hospital's offset, and refuses the second start
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.text("status")).isEqualTo("ACTIVE");
        assertThat(started.text("actualStartTime")).endsWith("+05:30");
        assertThat(startedAgain.status()).isEqualTo(409);
        assertThat(startedAgain.text("currentStatus")).isEqualTo("ACTIVE");
        assertThat(ended.text("status")).isEqualTo("COMPLETED");
        assertThat(OffsetDateTime.parse(ended.text("actualEndTime")))
                .isAfterOrEqualTo(OffsetDateTime.parse(ended.text("actualStartTime")));
        assertThat(ended.text("shiftStartTime")).isEqualTo("00:00:00");
    }

    @Test
    void refusesAShiftInACabinOfAnotherHospital() {
        Clinic clinic = Clinic.open(api);
        Clinic otherHospital = Clinic.open(api);

        Api.Reply refused = api.post("/shifts", Map.of("cabinId", otherHospital.cabinId, "doctorId", clinic.doctorId,
                "shiftDate", Clinic.today().toString(), "shiftStartTime", "09:00", "shiftEndTime", "13:00"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("cabinId");
    }
}
