package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.WeekdayMornings;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each change of an appointment leaves its event in the outbox, committed with it, for the cdc-connector to publish. */
class AppointmentEventsIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private Bookings bookings;

    @Autowired
    private HoldRelease holds;

    @Autowired
    private WaitlistOffers offers;

    @Test
    void aBookingMovedAndCancelledPublishesEachChangeKeyedByItsDoctorWithIdsAndTimesOnly() {
        // Given a booked 09:00 and a patient waiting for that day
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String appointmentId = book(clinic, clinic.patient("Meera Nair", "+919800000501"), at(day, "09:00"));
        String waiting = api.post("/doctors/" + clinic.doctorId + "/waitlist",
                Map.of("patientId", clinic.patient("Asha Rao", "+919800000502"), "date", day.toString())).text("entryId");

        // When it is moved to 09:30 (as Cal.com or FHIR move it), then cancelled
        bookings.reschedule(UUID.fromString(appointmentId), at(day, "09:30").toInstant(), null);
        api.post("/appointments/" + appointmentId + "/cancel", Map.of("reason", "Feeling better, thanks"));

        // Then its events say so, in order, keyed by the doctor, with the old time of the move
        List<JsonNode> events = eventsOf(appointmentId);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_CANCELLED");
        JsonNode moved = events.get(1);
        assertThat(Instant.parse(moved.path("previousStartsAt").asText())).isEqualTo(at(day, "09:00").toInstant());
        assertThat(Instant.parse(moved.path("startsAt").asText())).isEqualTo(at(day, "09:30").toInstant());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("doctorId").asText()).isEqualTo(clinic.doctorId);
            assertThat(e.path("hospitalId").asText()).isEqualTo(clinic.hospitalId);
            assertThat(e.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(e.toString()).doesNotContain("Feeling better", "Knee pain", "Meera", "9800000501");
        });
        assertThat(events.get(2).path("holdLapsed").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT DISTINCT aggregateid FROM outbox WHERE payload->>'appointmentId' = :id")
                .param("id", appointmentId).query(String.class).list()).containsExactly(clinic.doctorId);

        // And the 09:00 the move gave up is offered to the waiting patient
        offers.offerFreedSlots();
        Api.Reply entry = api.get("/waitlist-entries/" + waiting);
        assertThat(entry.text("status")).isEqualTo("OFFERED");
        assertThat(OffsetDateTime.parse(api.get("/appointments/" + entry.text("offeredAppointmentId")).text("startTime")))
                .isEqualTo(at(day, "09:00"));
    }

    @Test
    void aWaitlistHoldLetGoIsPublishedAsHeldOfferedThenCancelledWithItsLapse() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String offered = api.post("/doctors/" + clinic.doctorId + "/waitlist",
                Map.of("patientId", clinic.patient("Asha Rao", "+919800000511"), "date", day.toString())).text("entryId");
        String appointmentId = book(clinic, clinic.patient("Meera Nair", "+919800000512"), at(day, "11:30"));
        api.post("/appointments/" + appointmentId + "/cancel", Map.of("reason", "Travelling"));
        offers.offerFreedSlots();
        String holdId = api.get("/waitlist-entries/" + offered).text("offeredAppointmentId");

        jdbc.sql("UPDATE appointments SET hold_expires_at = now() - interval '1 second' WHERE appointment_id = :id")
                .param("id", UUID.fromString(holdId)).update();
        holds.releaseAllLapsed();

        // The hold and its offer commit in one transaction (their order is the WAL's), the lapse after them
        List<JsonNode> events = eventsOf(holdId);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactlyInAnyOrder("APPOINTMENT_HELD", "WAITLIST_OFFERED", "APPOINTMENT_CANCELLED");
        assertThat(events.get(2).path("type").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(events.get(2).path("holdLapsed").asBoolean()).isTrue();
        assertThat(events).filteredOn(e -> e.path("type").asText().equals("WAITLIST_OFFERED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("waitlistEntryId").asText()).isEqualTo(offered);
                    assertThat(e.path("holdExpiresAt").isTextual()).isTrue();
                });
    }

    private String book(Clinic clinic, String patientId, OffsetDateTime start) {
        Api.Reply reply = api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", start.toString(), "appointmentType", "CONSULTATION", "reason", "Knee pain"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("appointmentId");
    }

    /** The appointment's events in the order they were written. */
    private List<JsonNode> eventsOf(String appointmentId) {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox
                        WHERE aggregatetype = 'appointment-events' AND payload->>'appointmentId' = :id
                        ORDER BY payload->>'occurredAt'""")
                .param("id", appointmentId).query(String.class).list().stream().map(AppointmentEventsIT::read).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }
}
