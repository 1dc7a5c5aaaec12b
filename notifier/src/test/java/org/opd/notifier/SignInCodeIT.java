package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.template.MessageTemplates;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;
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
 * Sign-in codes through the whole service: identity events into a real (in-process KRaft) broker, the
 * patient from the local PostgreSQL, the SMS out to a loopback Twilio, and what {@code notifications_log}
 * keeps (never the code, never the phone).
 */
@SpringBootTest(properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=2",
        "opd.notifier.delivery.poll-interval=100ms",
        "opd.notifier.delivery.max-attempts=3",
        "opd.notifier.delivery.initial-backoff=100ms",
        "opd.notifier.delivery.max-backoff=400ms",
        "opd.notifier.delivery.in-flight-timeout=5s",
        "opd.notifier.sms.request-timeout=2s",
        "opd.notifier.sms.limits.failure-threshold=100"})
@EmbeddedKafka(kraft = true, count = 1)
@DirtiesContext
class SignInCodeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ACCOUNT_SID = "AC-sign-in-it";
    private static final String AUTH_TOKEN = "it-secret";

    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final LocalTwilioServer SMS = new LocalTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);
    private static final OneTimeCodeSeal SEAL = OneTimeCodeSeal.withKey(Hospital.MESSAGE_KEY);
    private static final AtomicInteger PHONES = new AtomicInteger(100);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("opd.notifier.sms.base-url", SMS::baseUrl);
        registry.add("opd.notifier.sms.account-sid", () -> ACCOUNT_SID);
        registry.add("opd.notifier.sms.auth-token", () -> AUTH_TOKEN);
        registry.add("opd.notifier.sms.from-number", () -> "+15005550006");
        registry.add("opd.notifier.otp.message-key", () -> Hospital.MESSAGE_KEY);
        registry.add("opd.notifier.status-link-key", () -> Hospital.STATUS_LINK_KEY);
    }

    @AfterAll
    static void closeExternalServices() {
        SMS.close();
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
    void sendsOneSmsWithTheCodeEvenWithoutOptInsAndLogsNeitherCodeNorPhone() throws Exception {
        // Given a patient who accepts none of our own messages, and a code issued for them
        String phone = phone();
        UUID patientId = HOSPITAL.patientWithoutOptIns(phone, null);
        OneTimeCodeIssued event = issued(patientId, "042917", Duration.ofMinutes(5));

        // When its event arrives
        publish(event);

        // Then the patient's phone gets one SMS with the code
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(phone)).hasSize(1));
        assertThat(smsTo(phone).get(0).body())
                .isEqualTo("Your OPD sign-in code is 042917. It expires in 5 minutes. Do not share it with anyone.");

        // and the log row is SENT, about no token, with the code masked, no phone and no sealed code left
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(row(event, "delivery_status")).isEqualTo("SENT"));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM notifications_log WHERE source_event_id = ?",
                event.eventId());
        assertThat(row.get("event_type")).isEqualTo("SIGN_IN_CODE");
        assertThat(row.get("channel")).isEqualTo("SMS");
        assertThat(row.get("token_id")).isNull();
        assertThat(row.get("phone_number")).isNull();
        assertThat(row.get("sealed_code")).isNull();
        assertThat(row.get("external_id")).isEqualTo(smsTo(phone).get(0).sid());
        assertThat((String) row.get("message")).contains(MessageTemplates.CODE_MASK).doesNotContain("042917");
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("042917", phone));
    }

    @Test
    void writesInThePatientsLanguage() throws Exception {
        String phone = phone();
        UUID patientId = HOSPITAL.patientWithoutOptIns(phone, "hi");

        publish(issued(patientId, "551204", Duration.ofMinutes(5)));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.body()).contains("साइन-इन कोड 551204", "5 मिनट")));
    }

    @Test
    void sendsOnceWhenTheSameEventArrivesTwice() throws Exception {
        String phone = phone();
        UUID patientId = HOSPITAL.patientWithoutOptIns(phone, null);
        OneTimeCodeIssued event = issued(patientId, "700001", Duration.ofMinutes(5));
        String laterPhone = phone();
        OneTimeCodeIssued later = issued(HOSPITAL.patientWithoutOptIns(laterPhone, null), "700002", Duration.ofMinutes(5));

        publish(event);
        publish(event);
        publish(later);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(laterPhone)).hasSize(1));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(row(event, "delivery_status")).isEqualTo("SENT"));
        assertThat(smsTo(phone)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications_log WHERE source_event_id = ?",
                Integer.class, event.eventId())).isEqualTo(1);
    }

    @Test
    void sendsNothingForACodeThatExpiredOnItsWay() throws Exception {
        String phone = phone();
        OneTimeCodeIssued expired = issued(HOSPITAL.patientWithoutOptIns(phone, null), "123123", Duration.ofMillis(-1));
        String laterPhone = phone();
        OneTimeCodeIssued later = issued(HOSPITAL.patientWithoutOptIns(laterPhone, null), "321321", Duration.ofMinutes(5));

        // When an expired code arrives, followed by a live one on the same partition
        publish(expired, later.patientId().toString());
        publish(later);

        // Then, once the live one went out (so the expired one was handled), nothing went or was logged for it
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(laterPhone)).hasSize(1));
        assertThat(smsTo(phone)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications_log WHERE source_event_id = ?",
                Integer.class, expired.eventId())).isZero();
    }

    @Test
    void retriesAFailedSendWithTheCodeStillSealed() throws Exception {
        String phone = phone();
        OneTimeCodeIssued event = issued(HOSPITAL.patientWithoutOptIns(phone, null), "880088", Duration.ofMinutes(5));
        SMS.failNext(1, 503);

        publish(event);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(smsTo(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.body()).contains("880088")));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(row(event, "delivery_status")).isEqualTo("SENT"));
        assertThat(jdbc.queryForObject("SELECT retry_count FROM notifications_log WHERE source_event_id = ?",
                Integer.class, event.eventId())).isEqualTo(1);
    }

    @Test
    void neverSendsARetryAfterTheCodeExpired() throws Exception {
        // Given a code that expires in two seconds, and a provider that asks us to come back in three
        String phone = phone();
        OneTimeCodeIssued event = issued(HOSPITAL.patientWithoutOptIns(phone, null), "990099", Duration.ofSeconds(2));
        SMS.rateLimitNext(1, Duration.ofSeconds(3));

        publish(event);

        // Then the retry finds it expired: not sent, FAILED, the sealed code gone
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(row(event, "delivery_status")).isEqualTo("FAILED"));
        assertThat(row(event, "failed_reason")).isEqualTo("Not sent: the code expired");
        assertThat(row(event, "sealed_code")).isNull();
        assertThat(smsTo(phone)).isEmpty();
    }

    private String row(OneTimeCodeIssued event, String column) {
        List<String> values = jdbc.queryForList("SELECT " + column + "::text FROM notifications_log"
                + " WHERE source_event_id = ?", String.class, event.eventId());
        return values.isEmpty() ? null : values.get(0);
    }

    private static OneTimeCodeIssued issued(UUID patientId, String code, Duration validFor) {
        Instant now = Instant.now();
        return new OneTimeCodeIssued(OneTimeCodeIssued.SCHEMA_VERSION, UUID.randomUUID(), now, patientId,
                HOSPITAL.hospitalId, SEAL.seal(code, patientId), now.plus(validFor));
    }

    private void publish(OneTimeCodeIssued event) throws Exception {
        publish(event, event.patientId().toString());
    }

    /** As the cdc-connector publishes: key = patient id (or the one given), the contract's JSON, event headers. */
    private void publish(OneTimeCodeIssued event, String key) throws Exception {
        ProducerRecord<String, byte[]> record = EventProducer.record(Topics.IDENTITY_EVENTS, key, event);
        record.headers()
                .add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.EVENT_TYPE, OneTimeCodeIssued.TYPE.getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static List<ReceivedSms> smsTo(String phone) {
        return SMS.received().stream().filter(sms -> sms.to().equals(phone)).toList();
    }

    private static String phone() {
        return "+9197000" + PHONES.incrementAndGet() + "00";
    }
}
