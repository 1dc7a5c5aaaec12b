package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.Hospital.Token;
import org.opd.notifier.channel.Channel;
import org.opd.notifier.webhook.Signatures;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenStatus;
import org.opd.testsupport.EventsTopic;
import org.opd.testsupport.LocalFcmServer;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;
import org.opd.testsupport.LocalWhatsAppServer;
import org.opd.testsupport.LocalWhatsAppServer.ReceivedMessage;
import org.opd.testsupport.TestDatabase;
import org.opd.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole service: token events and notification requests into a real (in-process KRaft) broker,
 * the patient's details from the local PostgreSQL, messages out to loopback servers speaking
 * Twilio's, WhatsApp Cloud's and FCM v1's APIs, and what {@code notifications_log} records.
 * Providers call the webhooks without an access token; metrics are read with an operations token
 * of a test issuer the service is configured to trust.
 * Back-offs are short here: 100 ms doubling up to 400 ms, three attempts; FCM's circuit opens after
 * two failures in a row, for a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.status-page-base-url=https://opd.example.org",
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=2",
        "opd.notifier.delivery.poll-interval=100ms",
        "opd.notifier.delivery.max-attempts=3",
        "opd.notifier.delivery.initial-backoff=100ms",
        "opd.notifier.delivery.max-backoff=400ms",
        "opd.notifier.delivery.in-flight-timeout=5s",
        "opd.notifier.webhooks.public-base-url=" + TokenNotificationIT.PUBLIC_URL,
        "opd.notifier.sms.request-timeout=2s",
        "opd.notifier.sms.limits.failure-threshold=100",
        "opd.notifier.whatsapp.enabled=true",
        "opd.notifier.whatsapp.api-version=v21.0",
        "opd.notifier.whatsapp.phone-number-id=" + TokenNotificationIT.PHONE_NUMBER_ID,
        "opd.notifier.whatsapp.access-token=wa-token",
        "opd.notifier.whatsapp.app-secret=" + TokenNotificationIT.APP_SECRET,
        "opd.notifier.whatsapp.verify-token=verify-me",
        "opd.notifier.whatsapp.request-timeout=2s",
        "opd.notifier.whatsapp.limits.failure-threshold=100",
        "opd.notifier.push.enabled=true",
        "opd.notifier.push.project-id=opd-app",
        "opd.notifier.push.access-token=fcm-token",
        "opd.notifier.push.request-timeout=1s",
        "opd.notifier.push.limits.failure-threshold=2",
        "opd.notifier.push.limits.open-duration=1s"})
@EmbeddedKafka(kraft = true, count = 1)
// Tests switch metrics export off unless asked: the Prometheus endpoint is part of what is checked here.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class TokenNotificationIT {

    static final String PUBLIC_URL = "https://notify.example.org";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String APP_SECRET = "meta-app-secret";

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ACCOUNT_SID = "AC-notifier-it";
    private static final String AUTH_TOKEN = "it-secret";
    private static final String FROM_NUMBER = "+15005550006";

    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final LocalTwilioServer SMS = new LocalTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
    private static final LocalWhatsAppServer WHATSAPP = new LocalWhatsAppServer("v21.0", PHONE_NUMBER_ID, "wa-token");
    private static final LocalFcmServer FCM = new LocalFcmServer("opd-app", "fcm-token");
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final AtomicInteger PHONES = new AtomicInteger(200);

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
        registry.add("opd.notifier.sms.from-number", () -> FROM_NUMBER);
        registry.add("opd.notifier.whatsapp.base-url", WHATSAPP::baseUrl);
        registry.add("opd.notifier.push.base-url", FCM::baseUrl);
        registry.add("opd.security.trusted-issuers", ISSUER::issuer);
    }

    /**
     * Runs before the context closes, while the (idle) listener still runs: the drop ends its
     * connections. Here rather than at context close, so that a context that failed to start
     * leaves no database behind either.
     */
    @AfterAll
    static void closeExternalServices() {
        SMS.close();
        WHATSAPP.close();
        FCM.close();
        ISSUER.close();
        DATABASE.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

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
    void sendsThePatientOneSmsWithTheTokenAndRecordsItSent() throws Exception {
        // Given a patient who accepts SMS and has just been given a token
        Token token = HOSPITAL.tokenFor("+919800000101", true);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the patient's phone gets exactly one SMS, from our number, with the token, doctor, cabin and link
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(token.phone())).hasSize(1));
        ReceivedSms sms = smsTo(token.phone()).get(0);
        assertThat(sms.from()).isEqualTo(FROM_NUMBER);
        assertThat(sms.body()).contains("CARD-", token.tokenNumber(), "Dr. Asha Rao", "Cardiology", "cabin C-12",
                Hospital.statusPage(token));

        // and the log holds one SMS row, SENT, with the provider's sid and the text that went out
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo("SENT")));
        LogRow row = log(token).get(0);
        assertThat(row.externalId()).isEqualTo(sms.sid());
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.eventType()).isEqualTo("TOKEN_CREATED");
        assertThat(row.phoneNumber()).isEqualTo(token.phone());
        assertThat(row.message()).isEqualTo(sms.body());
        assertThat(row.failedReason()).isNull();
    }

    @Test
    void sendsOnlyOnceWhenTheSameEventArrivesTwice() throws Exception {
        // Given a token whose issued event is delivered twice (at-least-once delivery replays it)
        Token token = HOSPITAL.tokenFor("+919800000102", true);
        TokenEvent issued = HOSPITAL.issued(token);

        // When both copies arrive, followed by another patient's event on the same doctor's partition
        publish(issued);
        publish(issued);
        Token next = HOSPITAL.tokenFor("+919800000103", true);
        publish(HOSPITAL.issued(next));

        // Then, once the later event is handled (so both copies were), the patient got one SMS and one row
        awaitSent(next);
        assertThat(smsTo(token.phone())).hasSize(1);
        assertThat(log(token)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.externalId()).isEqualTo(smsTo(token.phone()).get(0).sid());
        });
    }

    @Test
    void recordsTheProvidersReasonAndDoesNotRetryWhenItRefusesTheMessage() throws Exception {
        // Given the SMS provider refuses the next message (a bad number: retrying would not help)
        Token token = HOSPITAL.tokenFor("+919800000104", true);
        SMS.failNext(1, 400);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the row is FAILED after one attempt with the provider's status and message, and nothing reached the phone
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo("FAILED")));
        LogRow row = log(token).get(0);
        assertThat(row.failedReason()).isEqualTo("Twilio answered HTTP 400: Invalid 'To' Phone Number (Twilio error 21211)");
        assertThat(row.retryCount()).isEqualTo(1);
        assertThat(row.externalId()).isNull();
        assertThat(row.sentAt()).isNull();
        assertThat(smsTo(token.phone())).isEmpty();
        assertThat(metric("opd_notifier_messages_failed_total{channel=\"SMS\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sendsNothingToAPatientWhoOptedOutOfSms() throws Exception {
        // Given a patient who opted out of SMS
        Token token = HOSPITAL.tokenFor("+919800000105", false);

        // When their token-issued event arrives, then another patient's on the same partition
        publish(HOSPITAL.issued(token));
        Token next = HOSPITAL.tokenFor("+919800000106", true);
        publish(HOSPITAL.issued(next));

        // Then the opted-out patient gets no SMS and no row is recorded for them
        awaitSent(next);
        assertThat(smsTo(token.phone())).isEmpty();
        assertThat(log(token)).isEmpty();
    }

    @Test
    void sendsNothingForACheckIn() throws Exception {
        // Given a patient whose token is checked in (the issue SMS went out long ago)
        Token token = HOSPITAL.tokenFor("+919800000107", true);

        // When the checked-in event arrives, then another patient's token-issued event
        publish(HOSPITAL.checkedIn(token));
        Token next = HOSPITAL.tokenFor("+919800000108", true);
        publish(HOSPITAL.issued(next));

        // Then the check-in caused no SMS and no row
        awaitSent(next);
        assertThat(smsTo(token.phone())).isEmpty();
        assertThat(log(token)).isEmpty();
    }

    @Test
    void skipsAnUnreadableRecordAndGoesOnWithTheNextEvent() throws Exception {
        // Given a record on the doctor's partition that is not a token event at all
        UUID poisonId = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.TOKEN_EVENTS.name(),
                HOSPITAL.doctorId.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(EventHeaders.EVENT_ID, poisonId.toString().getBytes(StandardCharsets.UTF_8));
        producer.send(poison);

        // When a valid event follows it
        Token token = HOSPITAL.tokenFor("+919800000109", true);
        publish(HOSPITAL.issued(token));

        // Then the patient still gets their SMS: the unreadable record did not block the partition
        awaitSent(token);
        assertThat(smsTo(token.phone())).hasSize(1);

        // and the record waits, as it was, on the dead-letter topic with the reason, and operators are alerted
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(poisonId);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(deadLetter.key()).isEqualTo(HOSPITAL.doctorId.toString());
        assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.TOKEN_EVENTS.name());
        assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.CONSUMER)).isEqualTo("notifier");
        assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.EXCEPTION_CLASS)).contains("DeserializationException");
        assertThat(deadLetterAlerts()).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.DEAD_LETTERS);
            assertThat(alert.resolved()).isFalse();
            assertThat(alert.metadata()).containsEntry("topic", Topics.TOKEN_EVENTS.name());
        });
        assertThat(scrape()).contains("opd_notifier_dead_letters_total{reason=\"unreadable\",topic=\"opd.token-events\"}");
    }

    @Test
    void givesUpOnAnEventItCannotHandleAfterBoundedRetriesAndGoesOn() throws Exception {
        // Given an event about a token the database does not hold (handling it throws every time)
        Token known = HOSPITAL.tokenFor("+919800000111", true);
        Token unknown = new Token(UUID.randomUUID(), "CARD-999", known.patientId(), "+919800000112",
                known.scheduledTime());

        // When it arrives, followed by a valid event on the same partition
        TokenEvent unknownIssued = HOSPITAL.issued(unknown);
        publish(unknownIssued);
        publish(HOSPITAL.issued(known));

        // Then after a few retries the listener sets it aside, and the next patient gets their SMS
        awaitSent(known);
        assertThat(smsTo(unknown.phone())).isEmpty();
        TokenEvent setAside = JsonSerde.MAPPER.readValue(deadLetterOf(unknownIssued.eventId()).value(),
                TokenEvent.class);
        assertThat(setAside.tokenId()).isEqualTo(unknown.tokenId());
    }

    /** The dead letter of the event with this id, once it is on opd.token-events.dlt. */
    private ConsumerRecord<String, byte[]> deadLetterOf(UUID eventId) {
        try (EventsTopic deadLetters = new EventsTopic(broker.getBrokersAsString(), Topics.TOKEN_EVENTS_DEAD_LETTERS.name(),
                List.of())) {
            return await().atMost(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(200));
                return deadLetters.received().stream()
                        .filter(record -> eventId.toString().equals(EventsTopic.header(record, EventHeaders.EVENT_ID)))
                        .findFirst();
            }, Optional::isPresent).orElseThrow();
        }
    }

    private List<OperationsAlert> deadLetterAlerts() {
        try (EventsTopic alerts = new EventsTopic(broker.getBrokersAsString(), Topics.ALERTS.name(), List.of())) {
            return await().atMost(DEADLINE).until(() -> {
                alerts.poll(Duration.ofMillis(200));
                return alerts.received().stream()
                        .map(record -> Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value()))
                        .filter(alert -> alert.type() == AlertType.DEAD_LETTERS)
                        .toList();
            }, found -> !found.isEmpty());
        }
    }

    @Test
    void reportsHealthAndCountsSentMessages() throws Exception {
        // Given one message went out
        Token token = HOSPITAL.tokenFor("+919800000110", true);
        publish(HOSPITAL.issued(token));
        awaitSent(token);

        // Then health shows the consumer and the database UP
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("notifierListeners").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");

        // and the metrics count the sent SMS, time the provider's answers and the stage from Kafka to the log
        assertThat(metric("opd_notifier_messages_sent_total{channel=\"SMS\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("opd_notifier_send_latency_seconds_count{channel=\"SMS\",outcome=\"sent\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("opd_notifier_intake_lag_seconds_count ")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void retriesAServerErrorWithBackoffAndSendsExactlyOnce() throws Exception {
        // Given the SMS provider fails the next two requests with a server error
        Token token = HOSPITAL.tokenFor(phone(), true);
        SMS.failNext(2, 500);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the third attempt goes through: one SMS, the row SENT, two failed attempts counted
        awaitStatus(token, Channel.SMS, "SENT");
        assertThat(smsTo(token.phone())).hasSize(1);
        assertThat(log(token, Channel.SMS).get(0).retryCount()).isEqualTo(2);
        assertThat(metric("opd_notifier_messages_retried_total{channel=\"SMS\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void givesUpAfterTheLastAttemptAndRecordsTheRowFailed() throws Exception {
        // Given the SMS provider is down for longer than the three attempts allowed
        Token token = HOSPITAL.tokenFor(phone(), true);
        SMS.failNext(3, 503);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the row is FAILED after three attempts and nothing was sent
        awaitStatus(token, Channel.SMS, "FAILED");
        LogRow row = log(token, Channel.SMS).get(0);
        assertThat(row.retryCount()).isEqualTo(3);
        assertThat(row.failedReason()).startsWith("Twilio answered HTTP 503");
        assertThat(smsTo(token.phone())).isEmpty();
    }

    @Test
    void waitsAsLongAsARateLimitedProviderAsksBeforeTryingAgain() throws Exception {
        // Given WhatsApp answers the next message with 429 and Retry-After: 1
        Token token = HOSPITAL.tokenFor(phone(), true, true, null, null);
        WHATSAPP.rateLimitNext(1, Duration.ofSeconds(1));
        int before = WHATSAPP.requestTimes().size();

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the message goes on the second attempt, at least a second after the first
        awaitStatus(token, Channel.WHATSAPP, "SENT");
        List<Instant> attempts = WHATSAPP.requestTimes().subList(before, WHATSAPP.requestTimes().size());
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(log(token, Channel.SMS)).isEmpty();
    }

    @Test
    void retriesAPushThatTimedOut() throws Exception {
        // Given FCM does not answer the next request within the 1 s request timeout
        Token token = HOSPITAL.tokenFor(phone(), false, false, "device-" + UUID.randomUUID(), null);
        FCM.stallNext(1, Duration.ofSeconds(3));

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the retry delivers one push to the device, and the row is SENT
        awaitStatus(token, Channel.PUSH, "SENT");
        assertThat(FCM.received()).filteredOn(push -> push.body().contains(token.tokenNumber())
                && push.body().contains(Hospital.statusPage(token))).hasSize(1);
        assertThat(log(token, Channel.PUSH).get(0).retryCount()).isEqualTo(1);
    }

    @Test
    void stopsCallingAFailingProviderWhileItsCircuitIsOpenThenProbesOnce() throws Exception {
        // Given FCM fails the next two requests: enough to open its circuit
        Token token = HOSPITAL.tokenFor(phone(), false, false, "device-" + UUID.randomUUID(), null);
        int before = FCM.requestTimes().size();
        FCM.failNext(2, 503);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the third attempt waited for the open second (its back-off alone is at most 400 ms) and succeeded
        awaitStatus(token, Channel.PUSH, "SENT");
        List<Instant> attempts = FCM.requestTimes().subList(before, FCM.requestTimes().size());
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(log(token, Channel.PUSH).get(0).retryCount()).isEqualTo(2);
        assertThat(scrape())
                .contains("opd_notifier_circuit_open{channel=\"PUSH\"} 0.0");
    }

    @Test
    void reachesAWhatsAppPatientOnWhatsAppAndTheirAppButNotBySms() throws Exception {
        // Given a patient who accepts WhatsApp and SMS and has the app
        String device = "device-" + UUID.randomUUID();
        Token token = HOSPITAL.tokenFor(phone(), true, true, device, null);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then a WhatsApp message and a push go out, each logged SENT with the provider's id; no SMS
        awaitStatus(token, Channel.WHATSAPP, "SENT");
        awaitStatus(token, Channel.PUSH, "SENT");
        ReceivedMessage whatsApp = whatsAppTo(token.phone()).get(0);
        assertThat(whatsApp.body()).contains(token.tokenNumber(), "cabin C-12");
        assertThat(log(token, Channel.WHATSAPP).get(0).externalId()).isEqualTo(whatsApp.id());
        assertThat(FCM.received()).anySatisfy(push -> assertThat(push.deviceToken()).isEqualTo(device));
        assertThat(log(token, Channel.PUSH).get(0).phoneNumber()).isNull();
        assertThat(smsTo(token.phone())).isEmpty();
        assertThat(log(token, Channel.SMS)).isEmpty();
    }

    @Test
    void fallsBackToSmsWhenWhatsAppRefusesTheMessage() throws Exception {
        // Given WhatsApp refuses the next message (the number has no WhatsApp account)
        Token token = HOSPITAL.tokenFor(phone(), true, true, null, null);
        WHATSAPP.failNext(1, 400);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the WhatsApp row is FAILED and the same text went out by SMS instead
        awaitStatus(token, Channel.WHATSAPP, "FAILED");
        awaitStatus(token, Channel.SMS, "SENT");
        assertThat(smsTo(token.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.body()).isEqualTo(log(token, Channel.WHATSAPP).get(0).message()));
    }

    @Test
    void tellsThePatientFromNotificationRequestsInTheirLanguage() throws Exception {
        // Given a waiting patient who reads Hindi
        Token token = HOSPITAL.tokenFor(phone(), true, false, null, "hi");
        HOSPITAL.moveTo(token, TokenStatus.WAITING, false);

        // When the eta-calculator asks for a three-to-go and a delay message
        publish(HOSPITAL.request(token, NotificationType.T_MINUS_3, 3, 25, null));
        publish(HOSPITAL.request(token, NotificationType.DOCTOR_DELAYED, 2, 40, 20));

        // Then both arrive by SMS, in Hindi, with the position, ETA and delay
        awaitStatus(token, Channel.SMS, "SENT", "SENT");
        assertThat(smsTo(token.phone())).extracting(ReceivedSms::body).containsExactlyInAnyOrder(
                "टोकन " + token.tokenNumber() + ": केबिन C-12 की कतार में आपका नंबर 3 है, लगभग 25 मिनट बाकी हैं।"
                        + " कृपया केबिन के पास रहें। लाइव स्थिति: " + Hospital.statusPage(token),
                "टोकन " + token.tokenNumber() + ": Dr. Asha Rao 20 मिनट देरी से चल रहे हैं। अब आपकी अनुमानित प्रतीक्षा"
                        + " लगभग 40 मिनट है (केबिन C-12)। लाइव स्थिति: " + Hospital.statusPage(token));
        assertThat(log(token, Channel.SMS)).extracting(LogRow::eventType)
                .containsExactlyInAnyOrder("T_MINUS_3", "DOCTOR_DELAYED");
    }

    @Test
    void sendsACallOnlyOnceWhenTheRequestIsReplayed() throws Exception {
        // Given a patient who was just called
        Token token = HOSPITAL.tokenFor(phone(), true);
        HOSPITAL.moveTo(token, TokenStatus.WAITING, true);
        NotificationRequest callNow = HOSPITAL.request(token, NotificationType.CALL_NOW, 1, null, null);

        // When the request arrives twice, then another patient's event
        publish(callNow);
        publish(callNow);
        Token next = HOSPITAL.tokenFor(phone(), true);
        publish(HOSPITAL.issued(next));

        // Then the patient was called once
        awaitSent(next);
        awaitStatus(token, Channel.SMS, "SENT");
        assertThat(smsTo(token.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.body()).contains("please go to cabin C-12 now"));
    }

    @Test
    void doesNotSendAMessageThatIsNoLongerRelevant() throws Exception {
        // Given a patient already in the consultation room
        Token token = HOSPITAL.tokenFor(phone(), true);
        HOSPITAL.moveTo(token, TokenStatus.IN_CONSULTATION, true);

        // When a late three-to-go request arrives
        publish(HOSPITAL.request(token, NotificationType.T_MINUS_3, 3, 10, null));

        // Then it is logged FAILED as no longer relevant, and never sent
        awaitStatus(token, Channel.SMS, "FAILED");
        assertThat(log(token, Channel.SMS).get(0).failedReason())
                .isEqualTo("Not sent: no longer relevant, the token is IN_CONSULTATION and was called");
        assertThat(smsTo(token.phone())).isEmpty();
        assertThat(metric("opd_notifier_messages_skipped_total{channel=\"SMS\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tellsThePatientTheirTokenWasCancelledOrRescheduled() throws Exception {
        Token cancelled = HOSPITAL.tokenFor(phone(), true);
        Token rescheduled = HOSPITAL.tokenFor(phone(), true);

        publish(HOSPITAL.cancelled(cancelled));
        publish(HOSPITAL.rescheduled(rescheduled));

        awaitStatus(cancelled, Channel.SMS, "SENT");
        awaitStatus(rescheduled, Channel.SMS, "SENT");
        assertThat(smsTo(cancelled.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.body()).contains(cancelled.tokenNumber(), "has been cancelled"));
        assertThat(smsTo(rescheduled.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.body()).contains(rescheduled.tokenNumber(), "was rescheduled"));
    }

    @Test
    void aRowLeftMidSendByACrashIsReconciledNotResentWhileANeverTriedOneIsSent() throws Exception {
        // Given what a notifier killed mid-way left behind: one row whose attempt started an hour ago
        // (the provider may have sent it) and one committed PENDING row it never got to
        Token inFlight = HOSPITAL.tokenFor(phone(), true);
        Token neverTried = HOSPITAL.tokenFor(phone(), true);
        insertPending(inFlight, "now() - interval '1 hour'");
        insertPending(neverTried, "NULL");

        // Then the in-flight row becomes FAILED, outcome unknown, and is not sent again
        awaitStatus(inFlight, Channel.SMS, "FAILED");
        assertThat(log(inFlight, Channel.SMS).get(0).failedReason()).startsWith("Outcome unknown");
        // and the untried row is sent once
        awaitStatus(neverTried, Channel.SMS, "SENT");
        assertThat(smsTo(neverTried.phone())).hasSize(1);
        assertThat(smsTo(inFlight.phone())).isEmpty();

        // and a replay of the crashed row's event sends nothing either
        publish(HOSPITAL.issued(inFlight));
        Token next = HOSPITAL.tokenFor(phone(), true);
        publish(HOSPITAL.issued(next));
        awaitSent(next);
        assertThat(smsTo(inFlight.phone())).isEmpty();
    }

    @Test
    void aMessageWhoseOutcomeCouldNotBeRecordedIsNeverSentTwice() throws Exception {
        // Given the database will refuse to record this token's SMS as SENT, as if the notifier died
        // right after the provider accepted it and before the log update
        Token token = HOSPITAL.tokenFor(phone(), true);
        jdbc.execute("ALTER TABLE notifications_log ADD CONSTRAINT crash_" + token.tokenNumber().replace("-", "_")
                + " CHECK (delivery_status <> 'SENT' OR token_id <> '" + token.tokenId() + "') NOT VALID");

        // When its token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the provider got the SMS once, and the row, left with its attempt marker, is reconciled
        // after the in-flight timeout (5 s here) to FAILED, outcome unknown, instead of being sent again
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(token.phone())).hasSize(1));
        awaitStatus(token, Channel.SMS, "FAILED");
        assertThat(log(token, Channel.SMS).get(0).failedReason()).startsWith("Outcome unknown");
        jdbc.execute("ALTER TABLE notifications_log DROP CONSTRAINT crash_" + token.tokenNumber().replace("-", "_"));

        // and replaying the event sends nothing either
        publish(HOSPITAL.issued(token));
        Token next = HOSPITAL.tokenFor(phone(), true);
        publish(HOSPITAL.issued(next));
        awaitSent(next);
        assertThat(smsTo(token.phone())).hasSize(1);

        // When Twilio later reports the SMS delivered, naming our row
        ReceivedSms sms = smsTo(token.phone()).get(0);
        Map<String, List<String>> report = Map.of("MessageSid", List.of(sms.sid()), "MessageStatus", List.of("delivered"));
        twilioCallback(sms.statusCallback().substring(sms.statusCallback().indexOf('?')), report,
                Signatures.twilio(AUTH_TOKEN, sms.statusCallback(), report));

        // Then the log tells the truth: DELIVERED, with the provider's id
        assertThat(log(token, Channel.SMS).get(0)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("DELIVERED");
            assertThat(row.externalId()).isEqualTo(sms.sid());
            assertThat(row.failedReason()).isNull();
        });
    }

    @Test
    void twilioDeliveryReportsMoveTheRowToDeliveredOnlyWhenSigned() throws Exception {
        // Given an SMS that went out, with a status callback naming our row
        Token token = HOSPITAL.tokenFor(phone(), true);
        publish(HOSPITAL.issued(token));
        awaitSent(token);
        ReceivedSms sms = smsTo(token.phone()).get(0);
        assertThat(sms.statusCallback()).startsWith(PUBLIC_URL + "/webhooks/twilio/status?notificationId=");
        String query = sms.statusCallback().substring(sms.statusCallback().indexOf('?'));
        Map<String, List<String>> report = Map.of("MessageSid", List.of(sms.sid()), "MessageStatus", List.of("delivered"),
                "AccountSid", List.of(ACCOUNT_SID));

        // When a report signed with another key arrives, then one signed with our auth token
        ResponseEntity<String> forged = twilioCallback(query, report, Signatures.twilio("wrong", sms.statusCallback(), report));
        ResponseEntity<String> genuine = twilioCallback(query, report, Signatures.twilio(AUTH_TOKEN, sms.statusCallback(), report));

        // Then the forged one is refused and changes nothing, the genuine one marks the row DELIVERED
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(genuine.getStatusCode().value()).isEqualTo(204);
        LogRow row = log(token, Channel.SMS).get(0);
        assertThat(row.status()).isEqualTo("DELIVERED");
        assertThat(row.deliveredAt()).isNotNull();
    }

    @Test
    void whatsAppStatusCallbacksMarkDeliveredOrFailedAndAFailureFallsBackToSms() throws Exception {
        // Given two patients who got their WhatsApp message
        Token delivered = HOSPITAL.tokenFor(phone(), true, true, null, null);
        Token failed = HOSPITAL.tokenFor(phone(), true, true, null, null);
        publish(HOSPITAL.issued(delivered));
        publish(HOSPITAL.issued(failed));
        awaitStatus(delivered, Channel.WHATSAPP, "SENT");
        awaitStatus(failed, Channel.WHATSAPP, "SENT");
        ReceivedMessage first = whatsAppTo(delivered.phone()).get(0);
        ReceivedMessage second = whatsAppTo(failed.phone()).get(0);

        // When Meta reports one delivered and the other failed, signed with the app secret
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},"statuses":[
                  {"id":"%s","status":"delivered","timestamp":"1760000000","recipient_id":"x","biz_opaque_callback_data":"%s"},
                  {"id":"%s","status":"failed","timestamp":"1760000001","recipient_id":"y","biz_opaque_callback_data":"%s",
                   "errors":[{"code":131026,"title":"Message undeliverable"}]}]}}]}]}
                """.formatted(PHONE_NUMBER_ID, first.id(), first.callbackData(), second.id(), second.callbackData());
        ResponseEntity<String> forged = whatsAppCallback(body, Signatures.meta("other-secret", body.getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<String> genuine = whatsAppCallback(body, Signatures.meta(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));

        // Then only the signed report counts: one DELIVERED, one FAILED with Meta's reason and an SMS instead
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(genuine.getStatusCode().value()).isEqualTo(200);
        assertThat(log(delivered, Channel.WHATSAPP).get(0).status()).isEqualTo("DELIVERED");
        assertThat(log(failed, Channel.WHATSAPP).get(0)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.failedReason()).isEqualTo(
                    "WhatsApp reported the message failed: Message undeliverable (WhatsApp error 131026)");
        });
        awaitStatus(failed, Channel.SMS, "SENT");
        assertThat(smsTo(delivered.phone())).isEmpty();
    }

    @Test
    void keepsMetricsFromCallersWithoutAnOperationsToken() {
        // Without a token: refused as a problem with the bearer challenge
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        // With a token of a role that does not read metrics: forbidden
        assertThat(prometheusWith(ISSUER.token("receptionist-1", "RECEPTIONIST")).getStatusCode().value()).isEqualTo(403);

        // while health stays open to probes
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void answersMetasWebhookHandshakeOnlyWithOurVerifyToken() {
        assertThat(http.getForEntity("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
                String.class).getBody()).isEqualTo("1158201444");
        assertThat(http.getForEntity("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1",
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> twilioCallback(String query, Map<String, List<String>> report, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Twilio-Signature", signature);
        return http.postForEntity("/webhooks/twilio/status" + query,
                new HttpEntity<>(new LinkedMultiValueMap<>(report), headers), String.class);
    }

    private ResponseEntity<String> whatsAppCallback(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Hub-Signature-256", signature);
        return http.postForEntity("/webhooks/whatsapp", new HttpEntity<>(body, headers), String.class);
    }

    private void insertPending(Token token, String attemptStartedAt) {
        jdbc.update("INSERT INTO notifications_log (patient_id, token_id, channel, event_type, message, phone_number,"
                + " attempt_started_at) VALUES (?, ?, 'SMS', 'TOKEN_CREATED', 'Your OPD token is ' || ?, ?, "
                + attemptStartedAt + ")", token.patientId(), token.tokenId(), token.tokenNumber(), token.phone());
    }

    private void publish(NotificationRequest request) throws Exception {
        producer.send(Topics.NOTIFICATION_REQUESTS, request.doctorId().toString(), request);
    }

    private void awaitStatus(Token token, Channel channel, String... statuses) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token, channel)).extracting(LogRow::status)
                .containsExactlyInAnyOrder(statuses));
    }

    private static String phone() {
        return "+9198000" + PHONES.incrementAndGet() + "00";
    }

    private static List<ReceivedMessage> whatsAppTo(String phone) {
        return WHATSAPP.received().stream().filter(message -> ("+" + message.to()).equals(phone)).toList();
    }

    private void publish(TokenEvent event) throws Exception {
        // As the cdc-connector publishes: key = doctor id, value = the contract's JSON, event headers
        ProducerRecord<String, byte[]> record = EventProducer.record(Topics.TOKEN_EVENTS, event.doctorId().toString(), event);
        record.headers()
                .add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.EVENT_TYPE, event.type().name().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private void awaitSent(Token token) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token))
                .singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("SENT")));
    }

    private static List<ReceivedSms> smsTo(String phone) {
        return SMS.received().stream().filter(sms -> sms.to().equals(phone)).toList();
    }

    record LogRow(String status, String eventType, String phoneNumber, String message, String externalId,
                  OffsetDateTime sentAt, OffsetDateTime deliveredAt, String failedReason, int retryCount) {
    }

    private List<LogRow> log(Token token) {
        return log(token, Channel.SMS);
    }

    private List<LogRow> log(Token token, Channel channel) {
        return jdbc.query("""
                SELECT delivery_status, event_type, phone_number, message, external_id, sent_at, delivered_at,
                       failed_reason, retry_count
                FROM notifications_log WHERE token_id = ? AND channel = ?
                """, (rs, n) -> new LogRow(rs.getString("delivery_status"), rs.getString("event_type"),
                rs.getString("phone_number"), rs.getString("message"), rs.getString("external_id"),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("delivered_at", OffsetDateTime.class),
                rs.getString("failed_reason"), rs.getInt("retry_count")),
                token.tokenId(), channel.name());
    }

    /** The Prometheus scrape, read as operations staff. */
    private String scrape() {
        ResponseEntity<String> response = prometheusWith(ISSUER.token("operations-1", "OPERATIONS"));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> prometheusWith(String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(accessToken);
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The value of the first Prometheus sample whose name and labels start with {@code prefix}. */
    private double metric(String prefix) {
        String metrics = scrape();
        return metrics.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
