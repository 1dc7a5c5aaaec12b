package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.AccountTokenPurpose;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Staff account links through the whole service: account events into a real (in-process KRaft) broker,
 * the address from the local PostgreSQL, the mail out over SMTP to a local GreenMail server.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=10",
        "opd.notifier.account-mail.from=opd-no-reply@hospital.test",
        "opd.notifier.account-mail.link-base-url=https://opd.hospital.test/",
        "opd.notifier.account-mail.hospital-name=City Hospital"})
@EmbeddedKafka(kraft = true, count = 1)
@DirtiesContext
class AccountMailIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);
    private static final OneTimeCodeSeal SEAL = OneTimeCodeSeal.withKey(Hospital.MESSAGE_KEY);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("opd.notifier.otp.message-key", () -> Hospital.MESSAGE_KEY);
        registry.add("opd.notifier.status-link-key", () -> Hospital.STATUS_LINK_KEY);
        // The SMS channel must be configured for the service to start; this test sends none.
        registry.add("opd.notifier.sms.base-url", () -> "http://127.0.0.1:9");
        registry.add("opd.notifier.sms.account-sid", () -> "AC-unused");
        registry.add("opd.notifier.sms.auth-token", () -> "unused");
        registry.add("opd.notifier.sms.from-number", () -> "+15005550006");
    }

    @AfterAll
    static void closeExternalServices() {
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
    void mailsTheResetLinkOnceToTheAccountsAddress() throws Exception {
        // Given a receptionist's account and a reset link issued for it, its event delivered twice
        String email = "desk-" + UUID.randomUUID() + "@hospital.test";
        UUID accountId = HOSPITAL.staffAccount(email, "Asha Desk", true);
        AccountLinkIssued event = issued(accountId, AccountTokenPurpose.RESET_PASSWORD, "reset-token-abc_123", Duration.ofHours(1));
        publish(event);
        publish(event);

        // Then one mail reaches the address, from the hospital, with the link that opens the reset page
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(mailsTo(email)).hasSize(1));
        MimeMessage mail = mailsTo(email).get(0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("opd-no-reply@hospital.test");
        assertThat(mail.getSubject()).isEqualTo("Choose a new password for the OPD system");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Hello Asha Desk", "City Hospital", "works once, for 1 hour");
        assertThat(link(body)).isEqualTo("https://opd.hospital.test/sign-in/reset?token=reset-token-abc_123");

        // And the log keeps the event, not the address or the token
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_mail_log WHERE event_id = ?", Integer.class, event.eventId()))
                .isEqualTo(1);
        Thread.sleep(500);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void mailsTheConfirmationLinkOfANewAccount() throws Exception {
        String email = "nurse-" + UUID.randomUUID() + "@hospital.test";
        UUID accountId = HOSPITAL.staffAccount(email, "Meera Nurse", true);

        publish(issued(accountId, AccountTokenPurpose.CONFIRM_EMAIL, "confirm-token", Duration.ofDays(7)));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(mailsTo(email)).hasSize(1));
        String body = GreenMailUtil.getBody(mailsTo(email).get(0));
        assertThat(link(body)).isEqualTo("https://opd.hospital.test/sign-in/confirm?token=confirm-token");
        assertThat(body).contains("works once, for 7 days");
    }

    @Test
    void mailsNothingForADisabledAccountOrAnExpiredLink() throws Exception {
        String disabled = "gone-" + UUID.randomUUID() + "@hospital.test";
        String expired = "late-" + UUID.randomUUID() + "@hospital.test";
        String live = "live-" + UUID.randomUUID() + "@hospital.test";
        publish(issued(HOSPITAL.staffAccount(disabled, "Gone", false), AccountTokenPurpose.RESET_PASSWORD, "t1", Duration.ofHours(1)));
        publish(issued(HOSPITAL.staffAccount(expired, "Late", true), AccountTokenPurpose.RESET_PASSWORD, "t2", Duration.ofMillis(-1)));
        publish(issued(HOSPITAL.staffAccount(live, "Live", true), AccountTokenPurpose.RESET_PASSWORD, "t3", Duration.ofHours(1)));

        // Once the last one went out (one partition: the others were handled before it), none of the others did
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(mailsTo(live)).hasSize(1));
        assertThat(mailsTo(disabled)).isEmpty();
        assertThat(mailsTo(expired)).isEmpty();
    }

    @Test
    void retriesWhenTheMailServerIsDownAndMailsOnceItIsBack() throws Exception {
        String email = "retry-" + UUID.randomUUID() + "@hospital.test";
        UUID accountId = HOSPITAL.staffAccount(email, "Retry", true);
        SMTP.stop();
        try {
            publish(issued(accountId, AccountTokenPurpose.RESET_PASSWORD, "t-retry", Duration.ofHours(1)));
            Thread.sleep(150);
        } finally {
            SMTP.start();
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(mailsTo(email)).hasSize(1));
    }

    private static String link(String body) {
        Matcher link = Pattern.compile("https://\\S+").matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a link in " + body).isTrue();
        return URLDecoder.decode(link.group(), StandardCharsets.UTF_8);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static AccountLinkIssued issued(UUID accountId, AccountTokenPurpose purpose, String token, Duration validFor) {
        Instant now = Instant.now();
        return new AccountLinkIssued(AccountLinkIssued.SCHEMA_VERSION, UUID.randomUUID(), now, accountId, purpose,
                SEAL.seal(token, accountId), now.plus(validFor));
    }

    /** As the cdc-connector publishes: key = account id, the contract's JSON, event headers. */
    private void publish(AccountLinkIssued event) throws Exception {
        ProducerRecord<String, byte[]> record = EventProducer.record(Topics.ACCOUNT_EVENTS, event.accountId().toString(), event);
        record.headers()
                .add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.EVENT_TYPE, AccountLinkIssued.TYPE.getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }
}
