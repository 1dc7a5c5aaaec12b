package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opd.notifier.Hospital.Token;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast a burst of token-issued events becomes SMS accepted by the (local) provider, through
 * Kafka, PostgreSQL and the delivery loop, under the SMS rate limit given by
 * {@code -Dopd.benchmark.permits-per-second} and {@code -Dopd.benchmark.burst}. Not part of the
 * build; run it by name (see docs/benchmarks.md). Prints one line starting with {@code BENCH}.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.delivery.poll-interval=100ms",
        "opd.notifier.sms.limits.permits-per-second=${opd.benchmark.permits-per-second:10}",
        "opd.notifier.sms.limits.burst=${opd.benchmark.burst:20}"})
@EmbeddedKafka(kraft = true, count = 1)
class DeliveryThroughputBenchmark {

    private static final int MESSAGES = Integer.getInteger("opd.benchmark.messages", 100);
    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final LocalTwilioServer SMS = new LocalTwilioServer("AC-bench", "bench-secret");
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("opd.notifier.sms.base-url", SMS::baseUrl);
        registry.add("opd.notifier.sms.account-sid", () -> "AC-bench");
        registry.add("opd.notifier.sms.auth-token", () -> "bench-secret");
        registry.add("opd.notifier.otp.message-key", () -> Hospital.MESSAGE_KEY);
        registry.add("opd.notifier.status-link-key", () -> Hospital.STATUS_LINK_KEY);
        registry.add("opd.notifier.sms.from-number", () -> "+15005550006");
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
    @Autowired
    Environment environment;

    @Test
    void burstOfTokensIssuedBecomesSms() throws Exception {
        // Given patients with tokens, all accepting SMS
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            tokens.add(HOSPITAL.tokenFor("+9197%08d".formatted(i), true));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            // When all their token-issued events are published at once
            long start = System.nanoTime();
            for (Token token : tokens) {
                TokenEvent event = HOSPITAL.issued(token);
                producer.send(new ProducerRecord<>(Topics.TOKEN_EVENTS.name(), event.doctorId().toString(),
                        Topics.TOKEN_EVENTS.valueSerde().serializer().serialize(Topics.TOKEN_EVENTS.name(), event)));
            }
            producer.flush();

            // Then every patient gets one SMS; how long it took is printed
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM notifications_log WHERE delivery_status = 'SENT'", Integer.class) == MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Double> rowToSent = jdbc.queryForList(
                    "SELECT extract(epoch FROM sent_at - created_at) * 1000 FROM notifications_log ORDER BY 1", Double.class);
            System.out.printf("BENCH %d SMS, limit %s/s burst %s: all SENT after %.2f s (%.1f/s);"
                            + " row committed -> SENT ms p50 %.0f p95 %.0f max %.0f%n", MESSAGES,
                    environment.getProperty("opd.notifier.sms.limits.permits-per-second"),
                    environment.getProperty("opd.notifier.sms.limits.burst"), seconds, MESSAGES / seconds,
                    rowToSent.get(rowToSent.size() / 2), rowToSent.get(rowToSent.size() * 95 / 100),
                    rowToSent.get(rowToSent.size() - 1));
            assertThat(SMS.received()).hasSize(MESSAGES);
        }
    }
}
