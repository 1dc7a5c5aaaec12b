package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

class AppointmentTokensIT extends OrchestratorIntegrationTest {

    @Autowired
    private AppointmentTokens appointmentTokens;

    @Test
    void onItsDayAnAppointmentBecomesOneOnlineTokenInTheDoctorsQueue() {
        Clinic.assumeSlotsLeftToday();
        // Given a doctor on shift today and tomorrow, an appointment today and one tomorrow
        Clinic clinic = Clinic.open(api);
        LocalDate tomorrow = Clinic.today().plusDays(1);
        clinic.shift(tomorrow);
        String patient = clinic.patient();
        Api.Reply today = book(clinic, patient, firstFreeSlot(clinic, Clinic.today()));
        Api.Reply later = book(clinic, clinic.patient("Ravi Kumar", "+919800000002"), firstFreeSlot(clinic, tomorrow));
        assertThat(today.status()).isEqualTo(201);

        // When the day's appointments are put in the queues, twice
        appointmentTokens.issueDueTokens();
        appointmentTokens.issueDueTokens();

        // Then today's has one ONLINE token, booked for its time, in the department's numbering; tomorrow's none yet
        String tokenId = api.get("/appointments/" + today.text("appointmentId")).text("tokenId");
        assertThat(tokenId).isNotNull();
        Api.Reply token = api.get("/tokens/" + tokenId);
        assertThat(token.text("bookingType")).isEqualTo("ONLINE");
        assertThat(token.text("status")).isEqualTo("BOOKED");
        assertThat(token.text("patientId")).isEqualTo(patient);
        assertThat(token.text("doctorId")).isEqualTo(clinic.doctorId);
        assertThat(token.text("tokenNumber")).startsWith("CARD");
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE patient_id = CAST(:p AS uuid)").param("p", patient)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/appointments/" + later.text("appointmentId")).body().path("tokenId").isNull()).isTrue();

        // And cancelling the appointment cancels its token
        api.post("/appointments/" + today.text("appointmentId") + "/cancel", Map.of("reason", "Feeling better"));
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void theAppointmentFollowsItsTokenThroughTheConsultation() {
        Clinic.assumeSlotsLeftToday();
        // Given today's appointment in the queue as a token
        Clinic clinic = Clinic.open(api);
        Api.Reply booked = book(clinic, clinic.patient(), firstFreeSlot(clinic, Clinic.today()));
        appointmentTokens.issueDueTokens();
        String appointment = "/appointments/" + booked.text("appointmentId");
        String tokenId = api.get(appointment).text("tokenId");

        // When the patient checks in, waits and is seen
        assertThat(clinic.checkIn(tokenId).status()).isEqualTo(200);
        assertThat(api.post("/tokens/" + tokenId + "/wait").status()).isEqualTo(200);
        assertThat(api.get(appointment).text("status")).isEqualTo("CONFIRMED");
        assertThat(api.post("/doctors/" + clinic.doctorId + "/call-next").status()).isEqualTo(200);
        assertThat(api.post("/tokens/" + tokenId + "/start").status()).isEqualTo(200);
        String during = api.get(appointment).text("status");
        assertThat(api.post("/tokens/" + tokenId + "/complete").status()).isEqualTo(200);

        // Then the appointment was in progress during the consultation and is completed after it
        assertThat(during).isEqualTo("IN_PROGRESS");
        assertThat(api.get(appointment).text("status")).isEqualTo("COMPLETED");
        // and each move is published as an appointment event
        assertThat(jdbc.sql("""
                        SELECT type FROM outbox WHERE aggregatetype = 'appointment-events' AND payload->>'appointmentId' = :id
                        ORDER BY payload->>'occurredAt'""")
                .param("id", booked.text("appointmentId")).query(String.class).list())
                .containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_STARTED", "APPOINTMENT_COMPLETED");
    }

    private String firstFreeSlot(Clinic clinic, LocalDate day) {
        JsonNode slots = api.get("/doctors/" + clinic.doctorId + "/available-slots?from=" + day + "&to=" + day).body().path("slots");
        assertThat(slots).as("free slots on " + day).isNotEmpty();
        return slots.get(0).path("startTime").asText();
    }

    private Api.Reply book(Clinic clinic, String patientId, String start) {
        return api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId, "startTime", start,
                "appointmentType", "FOLLOW_UP", "reason", "Review of test results"));
    }
}
