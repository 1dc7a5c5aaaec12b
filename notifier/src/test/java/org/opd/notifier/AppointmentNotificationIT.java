package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.Hospital.Appointment;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.status.OfferLinks;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;
import org.opd.testsupport.LocalWhatsAppServer;
import org.opd.testsupport.LocalWhatsAppServer.ReceivedMessage;
import org.opd.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Appointment events into a real (in-process KRaft) broker, the patient and appointment from the local
 * PostgreSQL, messages out to loopback servers speaking Twilio's and WhatsApp Cloud's APIs, and what
 * {@code notifications_log} records: a waitlist offer with its link, reminders once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.status-page-base-url=" + AppointmentNotificationIT.ORCHESTRATOR_URL,
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=2",
        "opd.notifier.delivery.poll-interval=100ms",
        "opd.notifier.sms.from-number=+15005550006",
        "opd.notifier.whatsapp.enabled=true",
        "opd.notifier.whatsapp.api-version=v21.0",
        "opd.notifier.whatsapp.phone-number-id=" + AppointmentNotificationIT.PHONE_NUMBER_ID,
        "opd.notifier.whatsapp.access-token=wa-token",
        "opd.notifier.whatsapp.app-secret=meta-app-secret",
        "opd.notifier.whatsapp.verify-token=verify-me"})
@EmbeddedKafka(kraft = true, count = 1)
@DirtiesContext
class AppointmentNotificationIT {

    static final String ORCHESTRATOR_URL = "https://opd.example.org";
    static final String PHONE_NUMBER_ID = "106540352242923";

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ACCOUNT_SID = "AC-appointments-it";
    private static final String AUTH_TOKEN = "it-secret";

    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final LocalTwilioServer SMS = new LocalTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
    private static final LocalWhatsAppServer WHATSAPP = new LocalWhatsAppServer("v21.0", PHONE_NUMBER_ID, "wa-token");
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("opd.notifier.sms.base-url", SMS::baseUrl);
        registry.add("opd.notifier.sms.account-sid", () -> ACCOUNT_SID);
        registry.add("opd.notifier.sms.auth-token", () -> AUTH_TOKEN);
        registry.add("opd.notifier.otp.message-key", () -> Hospital.MESSAGE_KEY);
        registry.add("opd.notifier.status-link-key", () -> Hospital.STATUS_LINK_KEY);
        registry.add("opd.notifier.whatsapp.base-url", WHATSAPP::baseUrl);
    }

    @AfterAll
    static void closeExternalServices() {
        SMS.close();
        WHATSAPP.close();
        DATABASE.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    private EventProducer producer;

    @BeforeEach
    void connectProducer() {
        producer = new EventProducer(broker);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void offersTheFreedSlotOnWhatsAppWithItsConfirmLinkOnceThoughTheEventArrivesTwice() throws Exception {
        // Given a free slot tomorrow at 10:00 held for a waiting patient who accepts WhatsApp
        Instant tomorrowAtTen = Instant.now().atZone(Hospital.ZONE).plusDays(1).withHour(10).withMinute(0).withSecond(0)
                .withNano(0).toInstant();
        Appointment hold = HOSPITAL.appointmentFor("+919800000401", true, null, tomorrowAtTen, true);
        AppointmentEvent offered = HOSPITAL.offered(hold);

        // When the offer is published, and delivered again, followed by another patient's event on the doctor's partition
        publish(offered);
        publish(offered);
        Appointment next = HOSPITAL.appointmentFor("+919800000404", true, null, tomorrowAtTen.plusSeconds(900), false);
        publish(HOSPITAL.reminderDue(next, ReminderKind.DAY_BEFORE));

        // Then the patient gets one WhatsApp message naming the doctor, the time, how long it is held, and the link
        // of the offer page that confirms it
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(whatsAppTo(hold.phone())).hasSize(1));
        String link = OfferLinks.withKey(Hospital.STATUS_LINK_KEY).pageOf(URI.create(ORCHESTRATOR_URL), hold.appointmentId())
                .toString();
        String until = hold.holdExpiresAt().atZone(Hospital.ZONE).toLocalTime().toString();
        assertThat(whatsAppTo(hold.phone()).get(0).body()).contains("Dr. Asha Rao", "Cardiology", "10:00", until, link);
        // and, once the later event is handled (so both copies were), one row and one message
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(next)).containsExactly("REMINDER_DAY_BEFORE WHATSAPP SENT"));
        assertThat(log(hold)).containsExactly("WAITLIST_OFFER WHATSAPP SENT");
        assertThat(whatsAppTo(hold.phone())).hasSize(1);
        assertThat(SMS.received()).noneMatch(sms -> sms.to().equals(hold.phone()));
    }

    @Test
    void remindsTheDayBeforeAndTheHourBeforeOnceEachInThePatientsLanguage() throws Exception {
        // Given a confirmed appointment of a patient who reads Hindi and accepts SMS only
        Instant start = Instant.now().plus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Appointment appointment = HOSPITAL.appointmentFor("+919800000402", false, "hi", start, false);

        // When both reminders are published, the first twice
        AppointmentEvent dayBefore = HOSPITAL.reminderDue(appointment, ReminderKind.DAY_BEFORE);
        publish(dayBefore);
        publish(dayBefore);
        publish(HOSPITAL.reminderDue(appointment, ReminderKind.HOUR_BEFORE));

        // Then two SMS arrive, one per reminder, in Hindi with the doctor and the local time
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(appointment))
                .containsExactlyInAnyOrder("REMINDER_DAY_BEFORE SMS SENT", "REMINDER_HOUR_BEFORE SMS SENT"));
        String time = start.atZone(Hospital.ZONE).toLocalTime().toString();
        assertThat(smsTo(appointment.phone())).hasSize(2)
                .allSatisfy(sms -> assertThat(sms.body()).contains("याद दिलाना", "Dr. Asha Rao", time));
    }

    @Test
    void tellsThePatientOnceThatThePaidAppointmentIsBooked() throws Exception {
        // Given an appointment whose hold was just paid, of a patient who accepts SMS only
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Appointment appointment = HOSPITAL.appointmentFor("+919800000405", false, null, start, false);

        // When the confirmation is published, and delivered again
        AppointmentEvent confirmed = HOSPITAL.confirmed(appointment);
        publish(confirmed);
        publish(confirmed);

        // Then one SMS says it is booked, with the doctor and the local time
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(appointment)).containsExactly("APPOINTMENT_BOOKED SMS SENT"));
        String time = start.atZone(Hospital.ZONE).toLocalTime().toString();
        assertThat(smsTo(appointment.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.body()).startsWith("Booked: ").contains("Dr. Asha Rao", "Cardiology", time));
    }

    @Test
    void sendsNoReminderOfAnAppointmentCancelledBeforeItWentOut() throws Exception {
        // Given a reminder due for an appointment the patient has just cancelled
        Appointment appointment = HOSPITAL.appointmentFor("+919800000403", false, null,
                Instant.now().plus(30, ChronoUnit.MINUTES), false);
        jdbc.update("UPDATE appointments SET status = 'CANCELLED' WHERE appointment_id = ?", appointment.appointmentId());

        // When the reminder arrives
        publish(HOSPITAL.reminderDue(appointment, ReminderKind.HOUR_BEFORE));

        // Then it is recorded as not sent, and the phone gets nothing
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(appointment))
                .containsExactly("REMINDER_HOUR_BEFORE SMS FAILED"));
        assertThat(smsTo(appointment.phone())).isEmpty();
    }

    private void publish(AppointmentEvent event) throws Exception {
        // As the cdc-connector publishes: key = doctor id, value = the contract's JSON
        producer.send(Topics.APPOINTMENT_EVENTS, event.doctorId().toString(), event);
    }

    /** "TYPE CHANNEL STATUS" of each row logged for the appointment. */
    private List<String> log(Appointment appointment) {
        return jdbc.queryForList("""
                SELECT event_type || ' ' || channel || ' ' || delivery_status FROM notifications_log
                WHERE appointment_id = ? ORDER BY created_at""", String.class, appointment.appointmentId());
    }

    private static List<ReceivedMessage> whatsAppTo(String phone) {
        return WHATSAPP.received().stream().filter(message -> ("+" + message.to()).equals(phone)).toList();
    }

    private static List<ReceivedSms> smsTo(String phone) {
        return SMS.received().stream().filter(sms -> sms.to().equals(phone)).toList();
    }
}
