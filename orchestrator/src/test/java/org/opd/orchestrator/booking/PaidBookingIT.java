package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.WeekdayMornings;
import org.opd.testsupport.LocalRazorpayServer;
import org.opd.testsupport.LocalRazorpayServer.CreatedLink;
import org.springframework.beans.factory.annotation.Autowired;

class PaidBookingIT extends OrchestratorIntegrationTest {

    private static final int FEE_PAISE = 50_000;

    @Autowired
    private HoldRelease holds;

    @Test
    void aPaidBookingHoldsTheSlotUntilRazorpayConfirmsThePaymentOnce() {
        // Given a doctor whose bookings cost ₹500
        Clinic clinic = paidClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());

        // When a patient books 09:00
        Api.Reply held = book(clinic, clinic.patient(), at(day, "09:00"));

        // Then the slot is held for 15 minutes behind a Razorpay payment link of ₹500 expiring with the hold
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.text("status")).isEqualTo("SCHEDULED");
        OffsetDateTime holdUntil = OffsetDateTime.parse(held.text("holdExpiresAt"));
        assertThat(holdUntil).isCloseTo(OffsetDateTime.now().plusMinutes(15), within(1, ChronoUnit.MINUTES));
        CreatedLink link = linkOf(held.text("appointmentId"));
        assertThat(held.text("paymentUrl")).isEqualTo(link.entity().path("short_url").asText());
        assertThat(link.entity().path("amount").asInt()).isEqualTo(FEE_PAISE);
        assertThat(link.entity().path("currency").asText()).isEqualTo("INR");
        assertThat(link.entity().path("expire_by").asLong()).isEqualTo(holdUntil.toEpochSecond());
        assertThat(slotTimes(clinic, day)).doesNotContain("09:00");

        // When Razorpay reports the link paid, and delivers the same event again
        LocalRazorpayServer.WebhookEvent paid = RAZORPAY.paidEvent(link.id());
        Api.Reply first = deliver(paid, RAZORPAY_WEBHOOK_SECRET);
        Api.Reply replay = deliver(paid, RAZORPAY_WEBHOOK_SECRET);

        // Then the first confirms the appointment and lifts the expiry; the replay changes nothing
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("outcome")).isEqualTo("CONFIRMED");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("outcome")).isEqualTo("ALREADY_HANDLED");
        Api.Reply confirmed = api.get("/appointments/" + held.text("appointmentId"));
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().path("holdExpiresAt").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT status || ' ' || provider_payment_id FROM payment_links WHERE appointment_id = :id")
                .param("id", UUID.fromString(held.text("appointmentId"))).query(String.class).single())
                .startsWith("PAID pay_");

        // And cancelling the paid appointment frees the slot and marks the payment to refund
        api.post("/appointments/" + held.text("appointmentId") + "/cancel", Map.of("reason", "Travelling"));
        assertThat(linkStatus(UUID.fromString(held.text("appointmentId")))).isEqualTo("REFUND_DUE");
        assertThat(slotTimes(clinic, day)).contains("09:00");
    }

    @Test
    void refusesAWebhookWithAWrongSignatureAndChangesNothing() {
        Clinic clinic = paidClinic();
        Api.Reply held = book(clinic, clinic.patient(), at(WeekdayMornings.workdayAfter(Clinic.today()), "09:15"));
        LocalRazorpayServer.WebhookEvent paid = RAZORPAY.paidEvent(linkOf(held.text("appointmentId")).id());

        Api.Reply forged = deliver(paid, "not-the-webhook-secret");
        Api.Reply unsigned = api.anonymous().postRaw("/payment-webhooks/razorpay", paid.body(),
                Api.headers("X-Razorpay-Event-Id", paid.eventId()));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body().path("errors").get(0).path("field").asText()).isEqualTo("X-Razorpay-Signature");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(api.get("/appointments/" + held.text("appointmentId")).text("status")).isEqualTo("SCHEDULED");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_webhook_events WHERE event_id = :id").param("id", paid.eventId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLapsedHoldFreesTheSlotByItselfAndALatePaymentIsKeptForRefund() {
        Clinic clinic = paidClinic();
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        Api.Reply held = book(clinic, clinic.patient(), at(day, "09:30"));
        UUID appointmentId = UUID.fromString(held.text("appointmentId"));
        // Fifteen minutes pass without payment.
        jdbc.sql("UPDATE appointments SET hold_expires_at = now() - interval '1 second' WHERE appointment_id = :id")
                .param("id", appointmentId).update();

        // Then the slot is offered again at once, and the periodic check lets the hold go
        assertThat(slotTimes(clinic, day)).contains("09:30");
        assertThat(holds.releaseAllLapsed()).isGreaterThanOrEqualTo(1);
        Api.Reply expired = api.get("/appointments/" + appointmentId);
        assertThat(expired.text("status")).isEqualTo("CANCELLED");
        assertThat(expired.text("cancelReason")).isEqualTo("HOLD_EXPIRED");
        assertThat(linkStatus(appointmentId)).isEqualTo("EXPIRED");

        // And another patient gets the slot, while a payment arriving now is recorded for refund, booking nothing
        Api.Reply other = book(clinic, clinic.patient("Ravi Kumar", "+919800000002"), at(day, "09:30"));
        Api.Reply late = deliver(RAZORPAY.paidEvent(linkOf(appointmentId.toString()).id()), RAZORPAY_WEBHOOK_SECRET);
        assertThat(other.status()).isEqualTo(201);
        assertThat(late.text("outcome")).isEqualTo("PAID_LATE");
        assertThat(linkStatus(appointmentId)).isEqualTo("PAID_LATE");
        assertThat(api.get("/appointments/" + appointmentId).text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingAnUnpaidHoldCancelsItsPaymentLinkAtRazorpay() {
        Clinic clinic = paidClinic();
        Api.Reply held = book(clinic, clinic.patient(), at(WeekdayMornings.workdayAfter(Clinic.today()), "10:15"));

        Api.Reply cancelled = api.post("/appointments/" + held.text("appointmentId") + "/cancel", Map.of("reason", "Changed my mind"));

        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(linkStatus(UUID.fromString(held.text("appointmentId")))).isEqualTo("CANCELLED");
        assertThat(linkOf(held.text("appointmentId")).entity().path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void whenRazorpayFailsNothingIsBooked() {
        Clinic clinic = paidClinic();
        RAZORPAY.failNext(1, 500);

        Api.Reply refused = book(clinic, clinic.patient(), at(WeekdayMornings.workdayAfter(Clinic.today()), "10:00"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:payment-provider-unavailable");
        assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE doctor_id = :d").param("d", UUID.fromString(clinic.doctorId))
                .query(Long.class).single()).isZero();
    }

    private Clinic paidClinic() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        Api.Reply fee = api.put("/doctors/" + clinic.doctorId + "/booking-fee", Map.of("amountMinor", FEE_PAISE, "currency", "INR"));
        assertThat(fee.status()).isEqualTo(200);
        return clinic;
    }

    private Api.Reply book(Clinic clinic, String patientId, OffsetDateTime start) {
        return api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", start.toString(), "appointmentType", "CONSULTATION", "reason", "Chest pain follow-up"));
    }

    private Api.Reply deliver(LocalRazorpayServer.WebhookEvent event, String secret) {
        return api.anonymous().postRaw("/payment-webhooks/razorpay", event.body(), Api.headers(
                "X-Razorpay-Signature", LocalRazorpayServer.signature(event.body(), secret),
                "X-Razorpay-Event-Id", event.eventId()));
    }

    private static CreatedLink linkOf(String appointmentId) {
        List<CreatedLink> links = RAZORPAY.created().stream()
                .filter(l -> l.entity().path("reference_id").asText().equals(appointmentId)).toList();
        assertThat(links).hasSize(1);
        return links.get(0);
    }

    private String linkStatus(UUID appointmentId) {
        return jdbc.sql("SELECT status FROM payment_links WHERE appointment_id = :id").param("id", appointmentId)
                .query(String.class).single();
    }

    private List<String> slotTimes(Clinic clinic, LocalDate day) {
        return api.get("/doctors/" + clinic.doctorId + "/available-slots?from=" + day + "&to=" + day).body().path("slots")
                .findValuesAsText("startTime").stream()
                .map(t -> OffsetDateTime.parse(t).atZoneSameInstant(Clinic.ZONE).toLocalTime().toString()).toList();
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }
}
