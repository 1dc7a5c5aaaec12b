package org.opd.orchestrator.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.assistant.PatientPhone.Exchange;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.LiveProjection;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.PatientSignIn;
import org.opd.orchestrator.support.WeekdayMornings;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.testsupport.LocalRazorpayServer;
import org.opd.testsupport.LocalRazorpayServer.CreatedLink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The WhatsApp booking assistant as Meta drives it: signed webhooks of a patient's messages in, the
 * replies out through the local Cloud API, the booking's payment through the local Razorpay.
 */
class WhatsAppAssistantIT extends OrchestratorIntegrationTest {

    private static final int FEE_PAISE = 50_000;

    @Autowired
    private SessionPurge purge;

    @Test
    void aPatientBooksAndPaysForASlotOverWhatsApp() {
        // Given a hospital whose booking number is on WhatsApp, a cardiologist whose bookings cost ₹500,
        // and a patient registered with their phone
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        String slug = cardiologyOf(clinic);
        assertThat(api.put("/doctors/" + clinic.doctorId + "/booking-fee", Map.of("amountMinor", FEE_PAISE, "currency", "INR"))
                .status()).isEqualTo(200);
        String phone = PatientSignIn.phone();
        String patientId = clinic.patient("Meera Iyer", phone);
        PatientPhone whatsApp = bookingNumberOf(clinic, phone);
        double bookedBefore = counter("opd_assistant_conversations_booked_total");

        // When the patient writes, chooses English and types the code sent to the phone by SMS
        Exchange hello = whatsApp.type("Hi");
        assertThat(hello.webhook().status()).isEqualTo(200);
        assertThat(hello.offered()).containsExactly("lang:EN", "lang:HI");
        Exchange codeAsked = whatsApp.tap("lang:EN");
        assertThat(codeAsked.lastBody()).contains("6-digit sign-in code by SMS");
        Exchange menu = whatsApp.type(PatientSignIn.lastCode(jdbc, patientId));
        assertThat(menu.offered()).containsExactly("menu:book", "menu:queue");

        // And an answer the question did not ask for gets the question again
        Exchange repeated = whatsApp.type("book me in please");
        assertThat(repeated.body(0)).startsWith("Sorry, I did not understand that");
        assertThat(repeated.offered()).containsExactly("menu:book", "menu:queue");

        // And goes through specialty, doctor, day and time
        Exchange specialties = whatsApp.tap("menu:book");
        assertThat(specialties.offered()).contains("specialty:" + slug);
        Exchange doctors = whatsApp.tap("specialty:" + slug);
        assertThat(doctors.offered()).containsExactly("doctor:" + clinic.doctorId);
        Exchange days = whatsApp.tap("doctor:" + clinic.doctorId);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        assertThat(days.offered()).contains("day:" + day);
        Exchange times = whatsApp.tap("day:" + day);
        assertThat(times.offered()).hasSize(10).endsWith(Conversation.MORE);
        String nine = "slot:" + day.atTime(9, 0).atZone(Clinic.ZONE).toEpochSecond();
        assertThat(times.offered().get(0)).isEqualTo(nine);
        Exchange confirm = whatsApp.tap(nine);
        assertThat(confirm.lastBody()).contains("Dr. Asha Rao").contains("09:00").contains("₹500.00");

        // And confirms: the slot is held behind a Razorpay payment link, which the patient is sent
        Exchange payment = whatsApp.tap("confirm:yes");
        UUID appointmentId = appointmentOf(patientId);
        CreatedLink link = linkOf(appointmentId);
        assertThat(payment.lastBody()).contains(link.entity().path("short_url").asText());
        assertThat(payment.offered()).containsExactly("paid:paid", "paid:cancel");
        assertThat(api.get("/appointments/" + appointmentId).text("status")).isEqualTo("SCHEDULED");

        // When Razorpay reports the link paid and the patient says so
        LocalRazorpayServer.WebhookEvent paid = RAZORPAY.paidEvent(link.id());
        assertThat(api.anonymous().postRaw("/payment-webhooks/razorpay", paid.body(), Api.headers(
                "X-Razorpay-Signature", LocalRazorpayServer.signature(paid.body(), RAZORPAY_WEBHOOK_SECRET),
                "X-Razorpay-Event-Id", paid.eventId())).text("outcome")).isEqualTo("CONFIRMED");
        Exchange booked = whatsApp.tap("paid:paid");

        // Then the appointment is the patient's, confirmed, and the patient is told so
        Api.Reply appointment = api.get("/appointments/" + appointmentId);
        assertThat(appointment.text("status")).isEqualTo("CONFIRMED");
        assertThat(appointment.text("doctorId")).isEqualTo(clinic.doctorId);
        assertThat(booked.body(0)).startsWith("Your appointment is confirmed")
                .contains(appointmentId.toString().substring(0, 8).toUpperCase());
        assertThat(booked.offered()).containsExactly("menu:book", "menu:queue");
        assertThat(counter("opd_assistant_conversations_booked_total")).isEqualTo(bookedBefore + 1);
        assertThat(jdbc.sql("SELECT step || ' ' || patient_id FROM wa_sessions WHERE phone_number_id = :n")
                .param("n", whatsApp.phoneNumberId).query(String.class).single()).isEqualTo("MENU " + patientId);
    }

    @Test
    void onTheDayThePatientAsksForTheirPlaceInTheQueue() {
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        String patientId = clinic.patient("Meera Iyer", phone);
        String tokenId = clinic.issue(patientId, 1, Clinic.today()).text("tokenId");
        assertThat(clinic.checkIn(tokenId).status()).isEqualTo(200);
        PatientPhone whatsApp = signedIn(clinic, phone, patientId);

        try (LiveProjection live = new LiveProjection(redis)) {
            live.oneToken(UUID.fromString(clinic.doctorId), UUID.fromString(clinic.deptId), 1, UUID.fromString(tokenId), 2, 20);

            Exchange queue = whatsApp.tap("menu:queue");

            String tokenNumber = api.get("/tokens/" + tokenId).text("tokenNumber");
            assertThat(queue.body(0)).isEqualTo("Token " + tokenNumber
                    + " with Dr. Asha Rao (Cardiology): you are number 2 in the queue, about 20 to 25 minutes.");
            assertThat(queue.offered()).containsExactly("menu:book", "menu:queue");
        }
    }

    @Test
    void aWrongSignatureIsRefusedAndChangesNothing() {
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        PatientPhone whatsApp = bookingNumberOf(clinic, phone);
        String body = whatsApp.tapMessage("wamid.forged", "lang:EN");

        Exchange forged = whatsApp.deliver(body, "not-the-app-secret");
        Api.Reply unsigned = api.anonymous().postRaw(PatientPhone.WEBHOOK, body);

        assertThat(forged.webhook().status()).isEqualTo(401);
        assertThat(forged.webhook().text("type")).isEqualTo("urn:opd:problem:webhook-signature");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(forged.replies()).isEmpty();
        assertThat(count("SELECT count(*) FROM wa_sessions WHERE phone_number_id = :v", whatsApp.phoneNumberId)).isZero();
        assertThat(count("SELECT count(*) FROM wa_inbound_messages WHERE message_id = :v", "wamid.forged")).isZero();
    }

    @Test
    void aMessageDeliveredTwiceIsAnsweredOnce() {
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        String patientId = clinic.patient("Meera Iyer", phone);
        PatientPhone whatsApp = bookingNumberOf(clinic, phone);
        whatsApp.type("Hi");

        String messageId = "wamid." + UUID.randomUUID();
        Exchange first = whatsApp.tap(messageId, "lang:EN");
        Exchange again = whatsApp.tap(messageId, "lang:EN");

        assertThat(first.replies()).hasSize(1);
        assertThat(again.webhook().status()).isEqualTo(200);
        assertThat(again.replies()).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregateid = :v AND type = '" + OneTimeCodeIssued.TYPE + "'",
                patientId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM patient_one_time_codes WHERE client_address LIKE 'whatsapp:%' AND phone = :v",
                phone)).isEqualTo(1);
    }

    @Test
    void aConversationIdleForFifteenMinutesStartsOverPolitely() {
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        String patientId = clinic.patient("Meera Iyer", phone);
        PatientPhone whatsApp = signedIn(clinic, phone, patientId);
        UUID before = sessionOf(whatsApp);
        // Fifteen minutes pass without an answer.
        jdbc.sql("UPDATE wa_sessions SET idle_expires_at = now() - interval '1 second' WHERE session_id = :s")
                .param("s", before).update();

        Exchange late = whatsApp.tap("menu:book");

        assertThat(late.body(0)).startsWith("Your earlier conversation ended");
        assertThat(late.offered()).containsExactly("lang:EN", "lang:HI");
        assertThat(sessionOf(whatsApp)).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT step || ' ' || (patient_id IS NULL) FROM wa_sessions WHERE session_id = :s")
                .param("s", sessionOf(whatsApp)).query(String.class).single()).isEqualTo("LANGUAGE true");
    }

    @Test
    void endedConversationsAreForgottenAfterADay() {
        Clinic clinic = Clinic.open(api);
        String phone = PatientSignIn.phone();
        PatientPhone whatsApp = bookingNumberOf(clinic, phone);
        whatsApp.type("Hi");
        PatientPhone other = bookingNumberOf(clinic, PatientSignIn.phone());
        other.type("Hi");
        // The first conversation ended more than a day ago; the other is going on.
        jdbc.sql("UPDATE wa_sessions SET idle_expires_at = now() - interval '25 hours' WHERE session_id = :s")
                .param("s", sessionOf(whatsApp)).update();

        purge.purge();

        assertThat(count("SELECT count(*) FROM wa_sessions WHERE phone_number_id = :v", whatsApp.phoneNumberId)).isZero();
        assertThat(count("SELECT count(*) FROM wa_sessions WHERE phone_number_id = :v", other.phoneNumberId)).isOne();
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        String handshake = "/api/v1" + PatientPhone.WEBHOOK + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=";

        ResponseEntity<String> right = rest.getForEntity(handshake + WHATSAPP_VERIFY_TOKEN, String.class);
        ResponseEntity<String> wrong = rest.getForEntity(handshake + "guess", String.class);

        assertThat(right.getStatusCode().value()).isEqualTo(200);
        assertThat(right.getBody()).isEqualTo("1158201444");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).contains("urn:opd:problem:webhook-verify-token");
    }

    /** A cardiology specialty of its own (slugs are shared by all hospitals), the clinic's doctor in it. */
    private String cardiologyOf(Clinic clinic) {
        String slug = "cardiology-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String specialtyId = api.create("/specialties", Map.of("slug", slug, "nameEn", "Cardiology", "nameHi", "हृदय रोग"),
                "specialtyId");
        assertThat(api.put("/doctors/" + clinic.doctorId + "/specialty", Map.of("specialtyId", specialtyId)).status())
                .isEqualTo(200);
        return slug;
    }

    private PatientPhone bookingNumberOf(Clinic clinic, String phone) {
        String phoneNumberId = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        Api.Reply assigned = api.put("/hospitals/" + clinic.hospitalId + "/whatsapp-assistant", Map.of("phoneNumberId", phoneNumberId));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        return new PatientPhone(api, WHATSAPP, WHATSAPP_APP_SECRET, phoneNumberId, phone);
    }

    private PatientPhone signedIn(Clinic clinic, String phone, String patientId) {
        PatientPhone whatsApp = bookingNumberOf(clinic, phone);
        whatsApp.type("Hi");
        whatsApp.tap("lang:EN");
        assertThat(whatsApp.type(PatientSignIn.lastCode(jdbc, patientId)).offered()).containsExactly("menu:book", "menu:queue");
        return whatsApp;
    }

    private UUID sessionOf(PatientPhone whatsApp) {
        return jdbc.sql("SELECT session_id FROM wa_sessions WHERE phone_number_id = :n").param("n", whatsApp.phoneNumberId)
                .query(UUID.class).single();
    }

    private UUID appointmentOf(String patientId) {
        return jdbc.sql("SELECT appointment_id FROM appointments WHERE patient_id = :p").param("p", UUID.fromString(patientId))
                .query(UUID.class).single();
    }

    /** @param sql a count with one parameter, {@code :v} */
    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private static CreatedLink linkOf(UUID appointmentId) {
        List<CreatedLink> links = RAZORPAY.created().stream()
                .filter(l -> l.entity().path("reference_id").asText().equals(appointmentId.toString())).toList();
        assertThat(links).hasSize(1);
        return links.get(0);
    }

    private double counter(String name) {
        return prometheus().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
