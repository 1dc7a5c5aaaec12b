package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.opd.orchestrator.support.WeekdayMornings;

class BookingIT extends OrchestratorIntegrationTest {

    @Test
    void aBookedSlotLeavesTheAvailableSlotsAndCancellingGivesItBack() {
        // Given a doctor working weekday mornings
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        assertThat(slotTimes(clinic, day)).hasSize(WeekdayMornings.SLOTS_PER_DAY).contains("09:00", "10:45", "11:15")
                .doesNotContain("11:00", "13:00");

        // When a patient books 09:00 and another 09:30 for half an hour
        Api.Reply nine = book(clinic, clinic.patient(), at(day, "09:00"), null);
        Api.Reply halfPast = book(clinic, clinic.patient("Ravi Kumar", "+919800000002"), at(day, "09:30"), 30);

        // Then both are confirmed and their times are no longer offered
        assertThat(nine.status()).isEqualTo(201);
        assertThat(nine.text("status")).isEqualTo("CONFIRMED");
        assertThat(nine.body().path("durationMinutes").asInt()).isEqualTo(15);
        assertThat(OffsetDateTime.parse(halfPast.text("endTime"))).isEqualTo(at(day, "10:00"));
        assertThat(slotTimes(clinic, day)).hasSize(WeekdayMornings.SLOTS_PER_DAY - 3).doesNotContain("09:00", "09:30", "09:45");

        // And cancelling gives 09:00 back, once
        Api.Reply cancelled = api.post("/appointments/" + nine.text("appointmentId") + "/cancel", Map.of("reason", "Travelling"));
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(slotTimes(clinic, day)).contains("09:00");
        Api.Reply again = api.post("/appointments/" + nine.text("appointmentId") + "/cancel", Map.of("reason", "Twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("currentStatus")).isEqualTo("CANCELLED");
        assertThat(api.get("/appointments/" + nine.text("appointmentId")).text("cancelReason")).isEqualTo("Travelling");

        // And the booking, the reads and the cancellation of the patient's appointment are in the audit trail
        assertThat(jdbc.sql("""
                        SELECT action || ' ' || path FROM audit_log
                        WHERE resource_type = 'APPOINTMENT' AND resource_id = :id::uuid AND patient_id = :patient::uuid
                        ORDER BY occurred_at""")
                .param("id", nine.text("appointmentId")).param("patient", nine.text("patientId")).query(String.class).list())
                .contains("CREATE /api/v1/appointments", "CHANGE /api/v1/appointments/{appointmentId}/cancel",
                        "READ /api/v1/appointments/{appointmentId}");
    }

    @Test
    void ofEightConcurrentBookingsOfOneSlotTheDatabaseLetsExactlyOneThrough() throws Exception {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            patients.add(clinic.patient("Patient " + i, "+91980000010" + i));
        }
        CyclicBarrier together = new CyclicBarrier(patients.size());
        List<Callable<Api.Reply>> bookings = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            String patientId = patients.get(i);
            // Half of them ask for 30 minutes from 09:45, overlapping 10:00 without starting there.
            OffsetDateTime start = at(day, i % 2 == 0 ? "10:00" : "09:45");
            Integer minutes = i % 2 == 0 ? null : 30;
            bookings.add(() -> {
                together.await();
                return book(clinic, patientId, start, minutes);
            });
        }

        List<Api.Reply> replies = Parallel.run(bookings);

        assertThat(replies).extracting(Api.Reply::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).extracting(r -> r.text("type"))
                .containsOnly("urn:opd:problem:slot-taken");
        assertThat(replies).filteredOn(r -> r.status() == 409).extracting(r -> r.text("field")).containsOnly("startTime");
        assertThat(appointmentsOf(clinic)).isEqualTo(1);
    }

    @Test
    void refusesTimesOffTheScheduleNamingTheFieldAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String patient = clinic.patient();

        Api.Reply offGrid = book(clinic, patient, at(day, "09:05"), null);
        Api.Reply inBreak = book(clinic, patient, at(day, "11:00"), null);
        Api.Reply intoBreak = book(clinic, patient, at(day, "10:45"), 30);
        Api.Reply pastEnd = book(clinic, patient, at(day, "12:45"), 30);
        Api.Reply tooShort = book(clinic, patient, at(day, "10:00"), 10);
        Api.Reply past = book(clinic, patient, OffsetDateTime.now(Clinic.ZONE).minusDays(7), null);
        Map<String, Object> noReason = new HashMap<>(request(clinic, patient, at(day, "10:00"), null));
        noReason.remove("reason");
        Api.Reply missing = api.post("/appointments", noReason);

        assertThat(field(offGrid)).isEqualTo("startTime");
        assertThat(field(inBreak)).isEqualTo("startTime");
        assertThat(field(intoBreak)).isEqualTo("durationMinutes");
        assertThat(field(pastEnd)).isEqualTo("durationMinutes");
        assertThat(field(tooShort)).isEqualTo("durationMinutes");
        assertThat(field(past)).isEqualTo("startTime");
        assertThat(field(missing)).isEqualTo("reason");
        assertThat(List.of(offGrid, inBreak, intoBreak, pastEnd, tooShort, past, missing)).extracting(Api.Reply::status)
                .containsOnly(400);
        assertThat(appointmentsOf(clinic)).isZero();
    }

    @Test
    void theDoctorsAbsenceTakesItsSlotsAway() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        assertThat(api.post("/schedule-exceptions", Map.of("doctorId", clinic.doctorId, "exceptionType", "TRAINING",
                "startDatetime", at(day, "12:00").toString(), "endDatetime", at(day, "14:00").toString())).status()).isEqualTo(201);

        Api.Reply booked = book(clinic, clinic.patient(), at(day, "12:15"), null);

        assertThat(slotTimes(clinic, day)).hasSize(WeekdayMornings.SLOTS_PER_DAY - 4).doesNotContain("12:00", "12:45");
        assertThat(booked.status()).isEqualTo(422);
        assertThat(booked.text("type")).isEqualTo("urn:opd:problem:doctor-away");
        assertThat(appointmentsOf(clinic)).isZero();
    }

    private Api.Reply book(Clinic clinic, String patientId, OffsetDateTime start, Integer minutes) {
        return api.post("/appointments", request(clinic, patientId, start, minutes));
    }

    private static Map<String, Object> request(Clinic clinic, String patientId, OffsetDateTime start, Integer minutes) {
        Map<String, Object> request = new HashMap<>(Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", start.toString(), "appointmentType", "CONSULTATION", "reason", "Chest pain follow-up"));
        if (minutes != null) {
            request.put("durationMinutes", minutes);
        }
        return request;
    }

    /** The local start times ("09:00") of the doctor's free slots that day. */
    private List<String> slotTimes(Clinic clinic, LocalDate day) {
        Api.Reply reply = api.get("/doctors/" + clinic.doctorId + "/available-slots?from=" + day + "&to=" + day);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().path("slots").findValuesAsText("startTime").stream()
                .map(t -> OffsetDateTime.parse(t).atZoneSameInstant(Clinic.ZONE).toLocalTime().toString()).toList();
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }

    private static String field(Api.Reply reply) {
        return reply.body().path("errors").path(0).path("field").asText(null);
    }

    private long appointmentsOf(Clinic clinic) {
        return jdbc.sql("SELECT count(*) FROM appointments WHERE doctor_id = :d").param("d", UUID.fromString(clinic.doctorId))
                .query(Long.class).single();
    }
}
