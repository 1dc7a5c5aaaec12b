package org.opd.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.EventsTopic;
import org.opd.testsupport.TestDatabase;
import org.opd.testsupport.TestIssuer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The connector against the local PostgreSQL and an in-process Kafka broker: what a consumer of
 * {@code opd.token-events} sees for outbox rows committed before, during and between connector runs.
 * Metrics are read with an operations token of a test issuer the connector trusts; health is open.
 */
@EmbeddedKafka(kraft = true)
class OutboxCaptureIT {

    private static final TestIssuer ISSUER = TestIssuer.start();

    private EmbeddedKafkaBroker broker;
    private TestDatabase database;
    private OutboxTable outbox;
    private final List<ConfigurableApplicationContext> connectors = new ArrayList<>();

    private final UUID doctorA = UUID.randomUUID();
    private final UUID doctorB = UUID.randomUUID();

    @BeforeEach
    void createDatabase(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        outbox = new OutboxTable(database);
    }

    @AfterAll
    static void closeIssuer() {
        ISSUER.close();
    }

    @AfterEach
    void dropDatabase() {
        // The engine must release the replication slot before the database and its slot can be dropped.
        connectors.forEach(ConfigurableApplicationContext::close);
        database.close();
    }

    @Test
    void publishesEveryOutboxRowKeyedByDoctorWithItsPayloadAndHeadersInPerDoctorOrder() throws Exception {
        // Given rows committed before the connector ever ran
        List<TokenEvent> written = new ArrayList<>();
        written.add(outbox.commitEventOf(doctorA));
        written.add(outbox.commitEventOf(doctorB));

        // When the connector runs and the two doctors' events keep coming, interleaved
        ConfigurableApplicationContext connector = startConnector();
        for (int i = 0; i < 3; i++) {
            written.add(outbox.commitEventOf(doctorA));
            written.add(outbox.commitEventOf(doctorB));
        }

        // Then a consumer reads each of them once, per doctor in the order written
        List<ConsumerRecord<String, byte[]>> received;
        try (EventsTopic topic = tokenEventsOf(doctorA, doctorB)) {
            received = topic.awaitRecords(written.size());
        }
        assertThat(received).hasSize(written.size());
        assertThat(eventIdsByDoctor(received)).isEqualTo(eventIdsByDoctor(written));

        // and each record carries the doctor as key, the stored JSON as value, and the contract's headers
        for (TokenEvent event : written) {
            ConsumerRecord<String, byte[]> record = received.stream()
                    .filter(r -> event.eventId().toString().equals(EventsTopic.header(r, EventHeaders.EVENT_ID)))
                    .findFirst().orElseThrow();
            assertThat(record.topic()).isEqualTo(Topics.TOKEN_EVENTS.name());
            assertThat(record.key()).isEqualTo(event.doctorId().toString());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(outbox.asStoredJsonb(event));
            assertThat(JsonSerde.MAPPER.readValue(record.value(), TokenEvent.class)).isEqualTo(event);
            assertThat(EventsTopic.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("TOKEN_ISSUED");
            assertThat(EventsTopic.header(record, EventHeaders.SCHEMA_VERSION))
                    .isEqualTo(Integer.toString(TokenEvent.SCHEMA_VERSION));
        }

        // and the metrics count them and time their capture lag
        // (Kafka may deliver a record to the consumer just before the producer's acknowledgement callback ran)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String metrics = metrics(connector);
            assertThat(metricValue(metrics, "opd_cdc_events_published_total{topic=\"opd.token-events\"}"))
                    .isEqualTo(written.size());
            assertThat(metricValue(metrics, "opd_cdc_capture_lag_seconds_count")).isEqualTo(written.size());
        });
        // and health is UP with the lag, the rate and the slot's retained WAL in its details
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode capture = captureHealth(connector);
            assertThat(capture.path("status").asText()).isEqualTo("UP");
            assertThat(capture.path("details").path("captureLagP99Ms").asDouble()).isPositive();
            assertThat(capture.path("details").has("eventsPerSecond")).isTrue();
            assertThat(capture.path("details").path("slotRetainedWalBytes").asLong()).isPositive();
        });
        assertThat(metricValue(metrics(connector), "opd_cdc_slot_retained_wal_bytes")).isPositive();
        // and metrics are refused without an access token, health is not
        assertThat(send(request(connector, "/actuator/prometheus")).statusCode()).isEqualTo(401);
        assertThat(send(request(connector, "/actuator/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void publishesDoctorEventsToTheDoctorEventsTopicKeyedByDoctor() throws Exception {
        // Given a running connector
        startConnector();

        // When the orchestrator records a doctor's shift start in the outbox
        DoctorEvent shiftStarted = outbox.commitShiftStartOf(doctorA);

        // Then it arrives on opd.doctor-events, keyed by the doctor, with the contract's headers
        try (EventsTopic topic = new EventsTopic(broker.getBrokersAsString(), Topics.DOCTOR_EVENTS.name(),
                List.of(doctorA.toString()))) {
            ConsumerRecord<String, byte[]> record = topic.awaitRecords(1).get(0);
            assertThat(record.key()).isEqualTo(doctorA.toString());
            assertThat(JsonSerde.MAPPER.readValue(record.value(), DoctorEvent.class)).isEqualTo(shiftStarted);
            assertThat(EventsTopic.header(record, EventHeaders.EVENT_ID)).isEqualTo(shiftStarted.eventId().toString());
            assertThat(EventsTopic.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("SHIFT_STARTED");
            assertThat(EventsTopic.header(record, EventHeaders.SCHEMA_VERSION))
                    .isEqualTo(String.valueOf(DoctorEvent.SCHEMA_VERSION));
        }
    }

    @Test
    void deletesOutboxRowsOnceKafkaHasThem() throws Exception {
        // Given a running connector
        startConnector();

        // When events are committed and published
        for (int i = 0; i < 20; i++) {
            outbox.commitEventOf(i % 2 == 0 ? doctorA : doctorB);
        }
        try (EventsTopic topic = tokenEventsOf(doctorA, doctorB)) {
            topic.awaitRecords(20);
        }

        // Then their rows leave the outbox table
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox.rowCount()).isZero());
    }

    @Test
    void heartbeatsLetTheSlotConfirmNewerPositionsOnAnIdleDatabase() throws Exception {
        // Given a connector with frequent heartbeats and no outbox traffic at all
        startConnector(database, "--opd.cdc.heartbeat-interval=300ms");
        String walAtStart = currentWalPosition();

        // Then the slot still confirms positions past the start, so it does not hold WAL forever
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(slotConfirmedPast(walAtStart)).isTrue());
        // and no heartbeat went to Kafka: only the system's own topics exist
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThat(admin.listTopics().names().get()).allMatch(name -> name.startsWith("opd."));
        }
    }

    @Test
    void neverPublishesRowsOfARolledBackTransaction() throws Exception {
        // Given a running connector
        startConnector();

        // When a transaction writes events and rolls back, and a later one commits
        TokenEvent[] rolledBack = outbox.rollBackEventsOf(doctorA, 3);
        TokenEvent committed = outbox.commitEventOf(doctorA);

        // Then only the committed event arrives; anything rolled back would have come before it
        try (EventsTopic topic = tokenEventsOf(doctorA)) {
            List<ConsumerRecord<String, byte[]>> received = topic.awaitRecords(1);
            assertThat(received).extracting(r -> EventsTopic.header(r, EventHeaders.EVENT_ID))
                    .containsExactly(committed.eventId().toString())
                    .doesNotContain(rolledBack[0].eventId().toString());
        }
    }

    @Test
    void deliversRowsWrittenWhileStoppedAfterARestartLosingNothing() throws Exception {
        // Given a connector that published some events and was then stopped
        List<TokenEvent> written = new ArrayList<>();
        ConfigurableApplicationContext first = startConnector();
        for (int i = 0; i < 3; i++) {
            written.add(outbox.commitEventOf(doctorA));
            written.add(outbox.commitEventOf(doctorB));
        }
        try (EventsTopic topic = tokenEventsOf(doctorA, doctorB)) {
            topic.awaitRecords(written.size());
        }
        first.close();
        // and its position is stored in the database it captures, not on the connector's machine
        assertThat(storedPositions()).isEqualTo(1);

        // When events are written while it is down, and it starts again
        for (int i = 0; i < 3; i++) {
            written.add(outbox.commitEventOf(doctorA));
            written.add(outbox.commitEventOf(doctorB));
        }
        startConnector();
        written.add(outbox.commitEventOf(doctorA));

        // Then every event arrives, per doctor in order; a repeat can only be a replayed tail
        List<ConsumerRecord<String, byte[]>> received;
        try (EventsTopic topic = tokenEventsOf(doctorA, doctorB)) {
            received = topic.awaitRecords(written.size());
        }
        Map<String, List<String>> expected = eventIdsByDoctor(written);
        Map<String, List<String>> actual = eventIdsByDoctor(received);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((doctor, ids) -> assertInOrderWithAtMostAReplayedTail(actual.get(doctor), ids));
    }

    @Test
    void stopsAtAnEventKafkaRefusesSaysWhyAndMeetsItAgainAfterARestart() throws Exception {
        // Given a running connector
        ConfigurableApplicationContext connector = startConnector();

        // When a row names an aggregate type that makes no valid Kafka topic
        OutboxTable.CommittedEvent committed = outbox.commitEventNotingWal("no such topic", doctorA);
        TokenEvent refused = committed.event();

        // Then capture stops at that event and retries it with back-off, and the health endpoint says so and why
        awaitCaptureDownBecauseOf(connector, refused);

        // and PostgreSQL was never told the event was consumed (heartbeats before it may be confirmed),
        // so a restarted connector meets it again
        assertThat(slotConfirmedNoFurtherThan(committed.walBeforeCommit())).isTrue();
        connector.close();
        awaitCaptureDownBecauseOf(startConnector(), refused);
    }

    @Test
    void refusesToStartWithoutTheOutboxTable() {
        try (TestDatabase empty = TestDatabase.create()) {
            assertThatThrownBy(() -> startConnector(empty))
                    .rootCause()
                    .hasMessageContaining("has no table public.outbox");
        }
    }

    private ConfigurableApplicationContext startConnector() {
        return startConnector(database);
    }

    private ConfigurableApplicationContext startConnector(TestDatabase db, String... extraArgs) {
        List<String> args = ConnectorArgs.of(db, broker.getBrokersAsString(), extraArgs);
        args.add("--opd.security.trusted-issuers=" + ISSUER.issuer());
        ConfigurableApplicationContext connector = CdcConnectorApplication.builder().run(args.toArray(String[]::new));
        connectors.add(connector);
        return connector;
    }

    private static String slotName(TestDatabase db) {
        return ConnectorArgs.slotName(db);
    }

    private String currentWalPosition() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()")) {
            result.next();
            return result.getString(1);
        }
    }

    private boolean slotConfirmedNoFurtherThan(String walPosition) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT confirmed_flush_lsn <= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
            select.setString(1, walPosition);
            select.setString(2, slotName(database));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private long storedPositions() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM cdc_offsets WHERE offset_value LIKE '%lsn%'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private boolean slotConfirmedPast(String walPosition) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT confirmed_flush_lsn > ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
            select.setString(1, walPosition);
            select.setString(2, slotName(database));
            try (ResultSet result = select.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void awaitCaptureDownBecauseOf(ConfigurableApplicationContext connector, TokenEvent refused) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode capture = captureHealth(connector);
            assertThat(capture.path("status").asText()).isEqualTo("DOWN");
            assertThat(capture.path("details").path("state").asText()).isEqualTo("RESTARTING");
            assertThat(capture.path("details").path("restarts").asInt()).isPositive();
            assertThat(capture.path("details").path("reason").asText())
                    .contains(refused.eventId().toString(), "opd.no such topic");
        });
    }

    private EventsTopic tokenEventsOf(UUID... doctorIds) {
        return new EventsTopic(broker.getBrokersAsString(), Topics.TOKEN_EVENTS.name(),
                List.of(doctorIds).stream().map(UUID::toString).toList());
    }

    private static Map<String, List<String>> eventIdsByDoctor(List<?> eventsOrRecords) {
        return eventsOrRecords.stream().collect(Collectors.groupingBy(OutboxCaptureIT::doctorOf,
                Collectors.mapping(OutboxCaptureIT::eventIdOf, Collectors.toList())));
    }

    private static String doctorOf(Object eventOrRecord) {
        return eventOrRecord instanceof TokenEvent event ? event.doctorId().toString()
                : ((ConsumerRecord<?, ?>) eventOrRecord).key().toString();
    }

    private static String eventIdOf(Object eventOrRecord) {
        return eventOrRecord instanceof TokenEvent event ? event.eventId().toString()
                : EventsTopic.header((ConsumerRecord<?, ?>) eventOrRecord, EventHeaders.EVENT_ID);
    }

    /** {@code received} is {@code written[0..k)} followed by {@code written[j..n)} with j ≤ k: nothing lost, order kept. */
    private static void assertInOrderWithAtMostAReplayedTail(List<String> received, List<String> written) {
        int k = 0;
        while (k < received.size() && k < written.size() && received.get(k).equals(written.get(k))) {
            k++;
        }
        if (k == received.size()) {
            assertThat(received).containsExactlyElementsOf(written);
            return;
        }
        int j = written.indexOf(received.get(k));
        assertThat(j).as("event %s at %d repeats an earlier one", received.get(k), k).isBetween(0, k - 1);
        assertThat(received.subList(k, received.size())).containsExactlyElementsOf(written.subList(j, written.size()));
    }

    private static JsonNode captureHealth(ConfigurableApplicationContext connector) throws Exception {
        return JsonSerde.MAPPER.readTree(get(connector, "/actuator/health")).path("components").path("capture");
    }

    private static String get(ConfigurableApplicationContext connector, String path) throws Exception {
        return send(request(connector, path)).body();
    }

    /** The Prometheus scrape, read as operations staff. */
    private static String metrics(ConfigurableApplicationContext connector) throws Exception {
        HttpResponse<String> response = send(request(connector, "/actuator/prometheus")
                .header("Authorization", "Bearer " + ISSUER.token("operations-1", "OPERATIONS")));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext connector, String path) {
        int port = ((WebServerApplicationContext) connector).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double metricValue(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " not in\n" + scrape));
    }
}
