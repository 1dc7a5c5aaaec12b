package org.opd.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

class OperationsViewsIT extends OrchestratorIntegrationTest {

    @Test
    void showsEachDoctorsLineInCallOrderWithMaskedNamesAndNoPhones() {
        // Given a doctor who has seen one patient, then had two normal patients and an emergency
        // wait, one patient checked in but not triaged and one only booked, and who called the emergency in
        Clinic clinic = Clinic.open(api);
        String seen = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        api.post("/tokens/" + seen + "/start");
        api.post("/tokens/" + seen + "/complete");
        String firstNormal = clinic.waitingToken(1);
        String secondNormal = clinic.waitingToken(1);
        String emergency = clinic.waitingToken(3);
        String checkedIn = clinic.token(1).get("tokenId").asText();
        clinic.checkIn(checkedIn);
        clinic.token(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        api.post("/tokens/" + emergency + "/start");

        // When an operator opens the hospital's live queue
        Api.Reply view = api.get("/hospitals/" + clinic.hospitalId + "/live-queue");

        // Then the doctor's line is: in consultation, waiting by check-in, then checked in; nothing seen or only booked
        assertThat(view.status()).isEqualTo(200);
        JsonNode items = view.body();
        assertThat(items).extracting(line -> line.path("tokenId").asText())
                .containsExactly(emergency, firstNormal, secondNormal, checkedIn);
        assertThat(items).extracting(line -> line.path("status").asText())
                .containsExactly("IN_CONSULTATION", "WAITING", "WAITING", "CHECKED_IN");
        assertThat(items).extracting(line -> line.path("lineOrder").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(items.get(0).path("priority").asInt()).isEqualTo(3);
        assertThat(items.get(0).path("patientName").asText()).isEqualTo("M*** I***");
        assertThat(items.get(0).path("cabinNumber").asText()).isEqualTo("C-101");
        assertThat(items.get(0).path("checkInTime").asText()).endsWith("+05:30");
        assertThat(items.get(0).path("waitedMinutes").asLong()).isBetween(0L, 1L);
        assertThat(view.body().toString()).doesNotContain("Meera", "9800000001");

        // And a filter by another doctor shows nothing of this one
        Clinic other = Clinic.open(api);
        assertThat(api.get("/hospitals/" + clinic.hospitalId + "/live-queue?doctorId=" + other.doctorId)
                .body()).isEmpty();
    }

    @Test
    void showsAParkedPatientAfterTheLineWithSinceWhen() {
        // Given two waiting, the first parked
        Clinic clinic = Clinic.open(api);
        String parked = clinic.waitingToken(1);
        String waiting = clinic.waitingToken(1);
        api.post("/tokens/" + parked + "/park", java.util.Map.of("reason", "Stepped out"));

        // When an operator opens the doctor's live queue
        JsonNode items = api.get("/hospitals/" + clinic.hospitalId + "/live-queue?doctorId=" + clinic.doctorId).body();

        // Then the one in line comes first, the parked one after it, with since when
        assertThat(items).extracting(line -> line.path("tokenId").asText()).containsExactly(waiting, parked);
        assertThat(items.get(0).path("parkedAt").isNull()).isTrue();
        assertThat(items.get(1).path("parkedAt").asText()).endsWith("+05:30");
    }

    @Test
    void tellsWhichDoctorsAreBusyAvailableOrOffline() {
        // Given a doctor whose shift started, with one patient in consultation and one waiting,
        // and a second doctor of the hospital who has not started a shift
        Clinic clinic = Clinic.open(api);
        String secondDoctor = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode",
                "EMP-" + java.util.UUID.randomUUID(), "name", "Dr. Zara Khan", "specialization", "Cardiology",
                "phone", "+919800000700"), "doctorId");
        api.post("/shifts/" + clinic.shiftId + "/start");
        String first = clinic.waitingToken(1);
        clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        Api.Reply started = api.post("/tokens/" + first + "/start");

        // When the doctor status view is read, during the consultation and after it
        JsonNode during = api.get("/hospitals/" + clinic.hospitalId + "/doctor-status").body();
        api.post("/tokens/" + first + "/complete");
        JsonNode after = api.get("/hospitals/" + clinic.hospitalId + "/doctor-status").body();

        // Then the first is BUSY, then AVAILABLE in its cabin, and the second OFFLINE
        JsonNode busy = byDoctor(during, clinic.doctorId);
        assertThat(busy.path("currentStatus").asText()).isEqualTo("BUSY");
        assertThat(busy.path("cabinNumber").asText()).isEqualTo("C-101");
        assertThat(busy.path("pendingTokens").asInt()).isEqualTo(1);
        assertThat(busy.path("lastConsultStart").asText()).isEqualTo(started.text("consultationStartTime"));
        assertThat(byDoctor(after, clinic.doctorId).path("currentStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(byDoctor(after, secondDoctor).path("currentStatus").asText()).isEqualTo("OFFLINE");
        assertThat(byDoctor(after, secondDoctor).path("cabinId").isNull()).isTrue();
        assertThat(after).hasSize(2);
    }

    @Test
    void listsDepartmentsWithMorePatientsInLineThanTheThreshold() {
        // Given three patients in line in a department (two waiting, one checked in) and one booked
        Clinic clinic = Clinic.open(api);
        clinic.waitingToken(1);
        clinic.waitingToken(1);
        clinic.checkIn(clinic.token(1).get("tokenId").asText());
        clinic.token(1);

        // When operators ask for departments with more than two, and more than three
        Api.Reply overTwo = api.get("/hospitals/" + clinic.hospitalId + "/bottlenecks?morePendingThan=2");
        Api.Reply overThree = api.get("/hospitals/" + clinic.hospitalId + "/bottlenecks?morePendingThan=3");
        Api.Reply specDefault = api.get("/hospitals/" + clinic.hospitalId + "/bottlenecks");

        // Then only the first names the department, with its count, waits and doctors
        assertThat(overTwo.body()).singleElement().satisfies(dept -> {
            assertThat(dept.path("deptId").asText()).isEqualTo(clinic.deptId);
            assertThat(dept.path("code").asText()).isEqualTo("CARD");
            assertThat(dept.path("pendingCount").asInt()).isEqualTo(3);
            assertThat(dept.path("averageWaitMinutes").asDouble()).isBetween(0.0, 1.0);
            assertThat(dept.path("averageEstimatedWaitMinutes").isNull()).isTrue();
            assertThat(dept.path("activeDoctors").asInt()).isEqualTo(1);
        });
        assertThat(overThree.body()).isEmpty();
        assertThat(specDefault.body()).isEmpty();
    }

    @Test
    void refusesANegativeThresholdNamingIt() {
        Clinic clinic = Clinic.open(api);

        Api.Reply reply = api.get("/hospitals/" + clinic.hospitalId + "/bottlenecks?morePendingThan=-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("morePendingThan");
    }

    @Test
    void answers404ForAnUnknownHospital() {
        Api.Reply reply = api.get("/hospitals/" + java.util.UUID.randomUUID() + "/live-queue");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("resource")).isEqualTo("hospital");
    }

    private static JsonNode byDoctor(JsonNode items, String doctorId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        items.forEach(item -> {
            if (item.path("doctorId").asText().equals(doctorId)) {
                found.add(item);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
