package org.opd.orchestrator.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.booking.WebhookSignature;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.CalComWebhook;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.WeekdayMornings;

import com.fasterxml.jackson.databind.JsonNode;

class CalComSyncIT extends OrchestratorIntegrationTest {

    private static final String SECRET = "cal-com-webhook-secret-of-the-test";
    private static final String CAL_USER = "4242";
    private static final String EVENT_TYPE = "77";

    @Test
    void createRescheduleAndCancelKeepOneAppointmentInStep() {
        // Given a hospital connected to Cal.com, whose doctor is Cal.com user 4242 booked under event type 77
        Clinic clinic = connectedClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String uid = "bk-" + UUID.randomUUID();

        // When Cal.com reports a booking at 09:00, and delivers it again
        String created = delivery("BOOKING_CREATED", uid, null, CAL_USER, EVENT_TYPE, at(day, "09:00"), at(day, "09:15"));
        Api.Reply first = deliver(clinic, created, SECRET);
        Api.Reply replay = deliver(clinic, created, SECRET);

        // Then one appointment mirrors it, with the attendee registered as a patient
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("outcome")).isEqualTo("CREATED");
        String appointmentId = first.text("appointmentId");
        assertThat(replay.text("outcome")).isEqualTo("ALREADY_APPLIED");
        assertThat(replay.text("appointmentId")).isEqualTo(appointmentId);
        Api.Reply appointment = api.get("/appointments/" + appointmentId);
        assertThat(appointment.text("status")).isEqualTo("CONFIRMED");
        assertThat(localTime(appointment.text("startTime"))).isEqualTo("09:00");
        assertThat(api.get("/patients/" + appointment.text("patientId")).text("phone")).isEqualTo("+919800000077");
        assertThat(slotTimes(clinic, day)).doesNotContain("09:00");

        // When the patient moves it to 10:00 (Cal.com gives the booking a new uid), delivered twice
        String newUid = "bk-" + UUID.randomUUID();
        String rescheduled = delivery("BOOKING_RESCHEDULED", newUid, uid, CAL_USER, EVENT_TYPE, at(day, "10:00"), at(day, "10:15"));
        Api.Reply moved = deliver(clinic, rescheduled, SECRET);
        Api.Reply movedAgain = deliver(clinic, rescheduled, SECRET);

        // Then the same appointment moved, and 09:00 is free again
        assertThat(moved.text("outcome")).isEqualTo("RESCHEDULED");
        assertThat(moved.text("appointmentId")).isEqualTo(appointmentId);
        assertThat(movedAgain.text("outcome")).isEqualTo("ALREADY_APPLIED");
        assertThat(localTime(api.get("/appointments/" + appointmentId).text("startTime"))).isEqualTo("10:00");
        assertThat(slotTimes(clinic, day)).contains("09:00").doesNotContain("10:00");

        // When the booking is cancelled in Cal.com
        Api.Reply cancelled = deliver(clinic,
                delivery("BOOKING_CANCELLED", newUid, null, CAL_USER, EVENT_TYPE, at(day, "10:00"), at(day, "10:15")), SECRET);

        // Then the appointment is cancelled and its slot free; there was only ever one appointment
        assertThat(cancelled.text("outcome")).isEqualTo("CANCELLED");
        assertThat(api.get("/appointments/" + appointmentId).text("status")).isEqualTo("CANCELLED");
        assertThat(slotTimes(clinic, day)).contains("10:00");
        assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE doctor_id = :d")
                .param("d", UUID.fromString(clinic.doctorId)).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT cal_com_uid FROM appointments WHERE appointment_id = :a")
                .param("a", UUID.fromString(appointmentId)).query(String.class).single()).isEqualTo(newUid);
    }

    @Test
    void aCalComBookingOfADoctorWithAFeeIsConfirmedWithoutASecondPayment() {
        Clinic clinic = connectedClinic();
        assertThat(api.put("/doctors/" + clinic.doctorId + "/booking-fee", Map.of("amountMinor", 50_000, "currency", "INR"))
                .status()).isEqualTo(200);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());

        Api.Reply created = deliver(clinic, delivery("BOOKING_CREATED", "bk-" + UUID.randomUUID(), null, CAL_USER, EVENT_TYPE,
                at(day, "09:45"), at(day, "10:00")), SECRET);

        Api.Reply appointment = api.get("/appointments/" + created.text("appointmentId"));
        assertThat(appointment.text("status")).isEqualTo("CONFIRMED");
        assertThat(appointment.body().path("paymentUrl").isNull()).isTrue();
    }

    @Test
    void thePingOfCalComsDashboardIsAcknowledged() {
        Clinic clinic = connectedClinic();
        String ping = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-12-03T10:00:00.000Z\",\"payload\":{\"triggerEvent\":\"PING\"}}";

        Api.Reply answered = deliver(clinic, ping, SECRET);

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.text("outcome")).isEqualTo("IGNORED");
    }

    @Test
    void aDeliveryWithABadSignatureIsRefusedAndChangesNothing() {
        Clinic clinic = connectedClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String body = delivery("BOOKING_CREATED", "bk-" + UUID.randomUUID(), null, CAL_USER, EVENT_TYPE,
                at(day, "09:30"), at(day, "09:45"));

        Api.Reply forged = deliver(clinic, body, "not-the-hospital-secret");
        Api.Reply unsigned = api.anonymous().postRaw("/cal-com-webhooks/" + clinic.hospitalId, body);
        Api.Reply tampered = api.anonymous().postRaw("/cal-com-webhooks/" + clinic.hospitalId, body.replace("Meera Iyer", "Mira Iyer"),
                Api.headers("X-Cal-Signature-256", WebhookSignature.of(body.getBytes(), SECRET)));

        assertThat(List.of(forged.status(), unsigned.status(), tampered.status())).containsOnly(401);
        assertThat(forged.text("type")).endsWith("bad-signature");
        assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE doctor_id = :d")
                .param("d", UUID.fromString(clinic.doctorId)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cal_com_parked_bookings WHERE hospital_id = :h")
                .param("h", UUID.fromString(clinic.hospitalId)).query(Long.class).single()).isZero();
        assertThat(slotTimes(clinic, day)).contains("09:30");
    }

    @Test
    void aBookingOfAnUnknownDoctorIsParkedVisibleAndAppliedOnRetryOnceTheDoctorIsMapped() {
        // Given a connected hospital whose doctor is not yet mapped to Cal.com user 9999
        Clinic clinic = connectedClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String uid = "bk-" + UUID.randomUUID();
        String body = delivery("BOOKING_CREATED", uid, null, "9999", EVENT_TYPE, at(day, "11:15"), at(day, "11:30"));

        // When Cal.com delivers the booking, and retries it
        Api.Reply parked = deliver(clinic, body, SECRET);
        Api.Reply retried = deliver(clinic, body, SECRET);

        // Then it is parked once, with the reason, for the operators to see; nothing is booked
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.text("outcome")).isEqualTo("PARKED");
        assertThat(parked.text("reasonCode")).isEqualTo("UNKNOWN_DOCTOR");
        assertThat(retried.text("parkedId")).isEqualTo(parked.text("parkedId"));
        JsonNode open = api.get("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings").body().path("parkedBookings");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("calComUid").asText()).isEqualTo(uid);
        assertThat(open.get(0).path("reasonCode").asText()).isEqualTo("UNKNOWN_DOCTOR");
        assertThat(open.get(0).path("reason").asText()).contains("9999");
        assertThat(open.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(open.get(0).has("payload")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE doctor_id = :d")
                .param("d", UUID.fromString(clinic.doctorId)).query(Long.class).single()).isZero();

        // When an operator maps the doctor and retries
        assertThat(api.put("/doctors/" + clinic.doctorId + "/cal-com", Map.of("userId", "9999", "eventTypeId", EVENT_TYPE))
                .status()).isEqualTo(200);
        Api.Reply resolved = api.post("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings/" + parked.text("parkedId") + "/retry");

        // Then the booking is an appointment and the parked delivery is closed
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        assertThat(localTime(api.get("/appointments/" + resolved.text("appointmentId")).text("startTime"))).isEqualTo("11:15");
        assertThat(api.get("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings").body().path("parkedBookings")).isEmpty();
    }

    @Test
    void aBookingOfATakenSlotOrAnotherEventTypeIsParkedAndCanBeDismissed() {
        Clinic clinic = connectedClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        deliver(clinic, delivery("BOOKING_CREATED", "bk-" + UUID.randomUUID(), null, CAL_USER, EVENT_TYPE,
                at(day, "12:00"), at(day, "12:15")), SECRET);

        Api.Reply clash = deliver(clinic, delivery("BOOKING_CREATED", "bk-" + UUID.randomUUID(), null, CAL_USER, EVENT_TYPE,
                at(day, "12:00"), at(day, "12:15")), SECRET);
        Api.Reply otherType = deliver(clinic, delivery("BOOKING_CREATED", "bk-" + UUID.randomUUID(), null, CAL_USER, "78",
                at(day, "12:15"), at(day, "12:30")), SECRET);

        assertThat(clash.text("reasonCode")).isEqualTo("SLOT_NOT_FREE");
        assertThat(otherType.text("reasonCode")).isEqualTo("UNKNOWN_EVENT_TYPE");
        Api.Reply dismissed = api.post("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings/" + clash.text("parkedId") + "/dismiss");
        assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
        assertThat(api.post("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings/" + clash.text("parkedId") + "/retry")
                .status()).isEqualTo(409);
        assertThat(api.get("/hospitals/" + clinic.hospitalId + "/cal-com/parked-bookings").body().path("parkedBookings")
                .findValuesAsText("reasonCode")).containsExactly("UNKNOWN_EVENT_TYPE");
    }

    private Clinic connectedClinic() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        assertThat(api.put("/hospitals/" + clinic.hospitalId + "/cal-com", Map.of("webhookSecret", SECRET)).status()).isEqualTo(200);
        assertThat(api.put("/doctors/" + clinic.doctorId + "/cal-com", Map.of("userId", CAL_USER, "eventTypeId", EVENT_TYPE))
                .status()).isEqualTo(200);
        return clinic;
    }

    private static String delivery(String trigger, String uid, String rescheduleUid, String organizerId, String eventTypeId,
                                   OffsetDateTime start, OffsetDateTime end) {
        return CalComWebhook.delivery(trigger, uid, rescheduleUid, organizerId, eventTypeId, start, end);
    }

    private Api.Reply deliver(Clinic clinic, String body, String secret) {
        return CalComWebhook.deliver(api, clinic.hospitalId, body, secret);
    }

    private List<String> slotTimes(Clinic clinic, LocalDate day) {
        return api.get("/doctors/" + clinic.doctorId + "/available-slots?from=" + day + "&to=" + day).body().path("slots")
                .findValuesAsText("startTime").stream().map(CalComSyncIT::localTime).toList();
    }

    private static String localTime(String time) {
        return OffsetDateTime.parse(time).atZoneSameInstant(Clinic.ZONE).toLocalTime().toString();
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }
}
