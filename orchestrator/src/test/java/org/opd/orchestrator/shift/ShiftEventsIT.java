package org.opd.orchestrator.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ShiftEventsIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShiftGoesOutWithItsPlannedBreaksOnEveryChange() throws Exception {
        // Given a doctor planned tomorrow 09:00–17:00 with a lunch and a tea break, given out of order
        Clinic clinic = Clinic.open(api);
        LocalDate tomorrow = Clinic.today().plusDays(1);
        Api.Reply created = api.post("/shifts", shift(clinic, tomorrow, List.of(
                Map.of("start", "16:00", "end", "16:15"), Map.of("start", "13:00", "end", "13:45"))));
        assertThat(created.status()).isEqualTo(201);
        String shiftId = created.text("assignmentId");

        // When the doctor starts the shift
        assertThat(api.post("/shifts/" + shiftId + "/start").status()).isEqualTo(200);

        // Then the shift answers with its breaks in time order
        assertThat(api.get("/shifts/" + shiftId).body().path("plannedBreaks").findValuesAsText("start"))
                .containsExactly("13:00:00", "16:00:00");
        // And both changes went to the outbox as doctor events, each with the breaks as instants of the hospital's day
        List<JsonNode> events = doctorEvents(shiftId);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("SHIFT_SCHEDULED", "SHIFT_STARTED");
        for (JsonNode event : events) {
            assertThat(event.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(event.path("doctorId").asText()).isEqualTo(clinic.doctorId);
            assertThat(event.path("plannedStart").asText()).isEqualTo(instant(tomorrow, "09:00"));
            assertThat(event.path("plannedBreaks").findValuesAsText("start"))
                    .containsExactly(instant(tomorrow, "13:00"), instant(tomorrow, "16:00"));
            assertThat(event.path("plannedBreaks").findValuesAsText("end"))
                    .containsExactly(instant(tomorrow, "13:45"), instant(tomorrow, "16:15"));
            assertThat(event.path("avgConsultationMinutes").asInt()).isEqualTo(Clinic.DOCTOR_AVG_MINUTES);
            assertThat(event.path("bufferMinutes").asInt()).isEqualTo(Clinic.DEPT_BUFFER_MINUTES);
        }
        assertThat(events.get(1).path("actualStart").isNull()).isFalse();
    }

    @Test
    void refusesABreakOutsideTheShiftOrOverlappingAnotherAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        LocalDate day = Clinic.today().plusDays(2);

        Api.Reply outside = api.post("/shifts", shift(clinic, day, List.of(Map.of("start", "08:30", "end", "09:30"))));
        Api.Reply overlapping = api.post("/shifts", shift(clinic, day, List.of(
                Map.of("start", "13:00", "end", "14:00"), Map.of("start", "13:30", "end", "13:40"))));
        Api.Reply backwards = api.post("/shifts", shift(clinic, day, List.of(Map.of("start", "14:00", "end", "13:00"))));

        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().path("errors").get(0).path("field").asText()).isEqualTo("plannedBreaks[0]");
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.body().path("errors").get(0).path("field").asText()).isEqualTo("plannedBreaks[1]");
        assertThat(backwards.body().path("errors").get(0).path("message").asText()).isEqualTo("must end after it starts");
        assertThat(jdbc.sql("SELECT count(*) FROM cabin_doctors WHERE doctor_id = :d AND shift_date = :day")
                .param("d", java.util.UUID.fromString(clinic.doctorId)).param("day", day).query(Long.class).single()).isZero();
    }

    private static Map<String, Object> shift(Clinic clinic, LocalDate day, List<Map<String, String>> breaks) {
        return Map.of("cabinId", clinic.cabinId, "doctorId", clinic.doctorId, "shiftDate", day.toString(),
                "shiftStartTime", "09:00", "shiftEndTime", "17:00", "plannedBreaks", breaks);
    }

    private static String instant(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(Clinic.ZONE).toInstant().toString();
    }

    private List<JsonNode> doctorEvents(String shiftId) throws Exception {
        List<String> payloads = jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregatetype = 'doctor-events' AND payload->>'assignmentId' = :id
                        ORDER BY created_at, payload->>'occurredAt'""")
                .param("id", shiftId).query(String.class).list();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String payload : payloads) {
            events.add(JSON.readTree(payload));
        }
        return events;
    }
}
