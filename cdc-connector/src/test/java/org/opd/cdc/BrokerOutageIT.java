package org.opd.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.EventsTopic;
import org.opd.testsupport.TestDatabase;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka broker goes down while the orchestrator keeps writing: capture stalls (health says so), and
 * once the broker is back every event arrives, in order. The minute-long outage lasts
 * {@code -Dopd.cdc.outage-seconds} (default 60); a shorter one outlasts a short delivery timeout.
 */
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("opd.cdc.outage-seconds", 60));

    @TempDir
    Path brokerDir;

    private StandaloneBroker broker;
    private TestDatabase database;
    private ConfigurableApplicationContext connector;

    @BeforeEach
    void startBrokerAndDatabase() {
        broker = new StandaloneBroker(brokerDir);
        broker.start();
        database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (connector != null) {
            connector.close();
        }
        database.close();
        broker.close();
    }

    @Test
    void stallsWhileTheBrokerIsDownAndCatchesUpLosingNothing() throws Exception {
        // Given a running connector whose producer waits for Kafka longer than the outage lasts
        // When the broker is down for a minute while events keep coming
        // Then capture stalls (health STALLED) and catches up without losing or repeating anything
        int restarts = outageWhileWriting(OUTAGE, "STALLED", "--opd.cdc.stall-threshold=2s");
        assertThat(restarts).isZero();
    }

    @Test
    void restartsTheEngineWhenKafkaStaysDownPastTheDeliveryTimeoutAndStillLosesNothing() throws Exception {
        // Given a connector that gives up on Kafka after 3 s
        // When the broker is down for 12 s while events keep coming
        // Then the engine dies and is restarted with back-off (health RESTARTING), and once the broker
        // is back every event arrives in order, repeated at most as a replayed tail
        int restarts = outageWhileWriting(Duration.ofSeconds(12), "RESTARTING", "--opd.cdc.kafka-delivery-timeout=3s",
                "--opd.cdc.restart-backoff=500ms", "--opd.cdc.restart-backoff-max=2s");
        assertThat(restarts).isPositive();
    }

    /** Runs a writer (one doctor, an event every 50 ms) across a broker outage; returns the engine restarts. */
    private int outageWhileWriting(Duration outage, String stateDuringOutage, String... connectorArgs) throws Exception {
        connector = CdcConnectorApplication.builder().run(ConnectorArgs.of(database, broker.bootstrapServers(),
                connectorArgs).toArray(String[]::new));
        UUID doctor = UUID.randomUUID();
        List<String> written = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection connection = database.connect()) {
                while (writing.get()) {
                    String eventId = OutboxTable.insertEventOf(connection, Topics.TOKEN_AGGREGATE, doctor).eventId().toString();
                    synchronized (written) {
                        written.add(eventId);
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(captureHealth().path("status").asText()));

        broker.stop();
        Instant downSince = Instant.now();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode capture = captureHealth();
            assertThat(capture.path("status").asText()).isEqualTo("DOWN");
            assertThat(capture.path("details").path("state").asText()).isEqualTo(stateDuringOutage);
        });
        Thread.sleep(Math.max(0, outage.minus(Duration.between(downSince, Instant.now())).toMillis()));
        broker.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(captureHealth().path("status").asText()));
        writing.set(false);
        writer.get();
        List<String> received;
        try (EventsTopic topic = new EventsTopic(broker.bootstrapServers(), Topics.TOKEN_EVENTS.name(),
                List.of(doctor.toString()))) {
            received = topic.awaitRecords(written.size(), Duration.ofSeconds(60)).stream()
                    .map(record -> EventsTopic.header(record, EventHeaders.EVENT_ID)).toList();
        }
        int restarts = captureHealth().path("details").path("restarts").asInt();
        int duplicates = CrashRecoveryIT.assertInOrderWithReplayedTailsOnly(received, written, restarts);
        System.out.printf("BrokerOutageIT: broker down %d s, %d events written, %d duplicates, engine restarts %d%n",
                outage.toSeconds(), written.size(), duplicates, restarts);
        return restarts;
    }

    private JsonNode captureHealth() throws Exception {
        int port = ((WebServerApplicationContext) connector).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonSerde.MAPPER.readTree(response.body()).path("components").path("capture");
    }
}
