package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.Hospital.Token;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;
import org.opd.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole service: token events into a real (in-process KRaft) broker, the patient's details
 * from the local PostgreSQL, SMS out to a loopback server speaking Twilio's API, and what
 * {@code notifications_log} records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.status-page-base-url=https://opd.example.org",
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=2"})
@EmbeddedKafka(kraft = true, count = 1)
// Tests switch metrics export off unless asked: the Prometheus endpoint is part of what is checked here.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class TokenNotificationIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ACCOUNT_SID = "AC-notifier-it";
    private static final String FROM_NUMBER = "+15005550006";

    private static final TestDatabase DATABASE = migrated(TestDatabase.create());
    private static final LocalTwilioServer SMS = new LocalTwilioServer(ACCOUNT_SID, "it-secret");
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("opd.notifier.sms.base-url", SMS::baseUrl);
        registry.add("opd.notifier.sms.account-sid", () -> ACCOUNT_SID);
        registry.add("opd.notifier.sms.auth-token", () -> "it-secret");
        registry.add("opd.notifier.sms.from-number", () -> FROM_NUMBER);
    }

    /**
     * Runs before the context closes, while the (idle) listener still runs: the drop ends its
     * connections. Here rather than at context close, so that a context that failed to start
     * leaves no database behind either.
     */
    @AfterAll
    static void closeExternalServices() {
        SMS.close();
        DATABASE.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connectProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
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
                "https://opd.example.org/tokens/" + token.tokenId());

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
    void recordsTheProvidersReasonWhenItRefusesTheMessage() throws Exception {
        // Given the SMS provider answers the next request with an internal error
        Token token = HOSPITAL.tokenFor("+919800000104", true);
        SMS.failNext(1, 500);

        // When the token-issued event arrives
        publish(HOSPITAL.issued(token));

        // Then the row is FAILED with the provider's status and message, and nothing reached the phone
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo("FAILED")));
        LogRow row = log(token).get(0);
        assertThat(row.failedReason()).isEqualTo("Twilio answered HTTP 500: Internal Server Error (Twilio error 20500)");
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
    void sendsNothingForEventsOtherThanIssue() throws Exception {
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
        producer.send(poison).get();

        // When a valid event follows it
        Token token = HOSPITAL.tokenFor("+919800000109", true);
        publish(HOSPITAL.issued(token));

        // Then the patient still gets their SMS: the unreadable record did not block the partition
        awaitSent(token);
        assertThat(smsTo(token.phone())).hasSize(1);
    }

    @Test
    void givesUpOnAnEventItCannotHandleAfterBoundedRetriesAndGoesOn() throws Exception {
        // Given an event about a token the database does not hold (handling it throws every time)
        Token known = HOSPITAL.tokenFor("+919800000111", true);
        Token unknown = new Token(UUID.randomUUID(), "CARD-999", known.patientId(), "+919800000112",
                known.scheduledTime());

        // When it arrives, followed by a valid event on the same partition
        publish(HOSPITAL.issued(unknown));
        publish(HOSPITAL.issued(known));

        // Then after a few retries the listener skips it, and the next patient gets their SMS
        awaitSent(known);
        assertThat(smsTo(unknown.phone())).isEmpty();
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
        assertThat(health.path("components").path("tokenEventsListener").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");

        // and the metrics count the sent SMS and time the provider's answers
        assertThat(metric("opd_notifier_messages_sent_total{channel=\"SMS\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("opd_notifier_send_latency_seconds_count{channel=\"SMS\",outcome=\"sent\"")).isGreaterThanOrEqualTo(1);
    }

    private void publish(TokenEvent event) throws Exception {
        // As the cdc-connector publishes: key = doctor id, value = the contract's JSON, event headers
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOKEN_EVENTS.name(),
                event.doctorId().toString(),
                Topics.TOKEN_EVENTS.valueSerde().serializer().serialize(Topics.TOKEN_EVENTS.name(), event));
        record.headers()
                .add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.EVENT_TYPE, event.type().name().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private void awaitSent(Token token) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(log(token))
                .singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("SENT")));
    }

    private static List<ReceivedSms> smsTo(String phone) {
        return SMS.received().stream().filter(sms -> sms.to().equals(phone)).toList();
    }

    record LogRow(String status, String eventType, String phoneNumber, String message, String externalId,
                  OffsetDateTime sentAt, String failedReason, int retryCount) {
    }

    private List<LogRow> log(Token token) {
        return jdbc.query("""
                SELECT delivery_status, event_type, phone_number, message, external_id, sent_at, failed_reason, retry_count
                FROM notifications_log WHERE token_id = ? AND channel = 'SMS'
                """, (rs, n) -> new LogRow(rs.getString("delivery_status"), rs.getString("event_type"),
                rs.getString("phone_number"), rs.getString("message"), rs.getString("external_id"),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("failed_reason"), rs.getInt("retry_count")),
                token.tokenId());
    }

    /** The value of the first Prometheus sample whose name and labels start with {@code prefix}. */
    private double metric(String prefix) {
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        return metrics.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private static TestDatabase migrated(TestDatabase database) {
        // The orchestrator owns the schema in production; here the schemas jar's migrations build it.
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        return database;
    }
}
