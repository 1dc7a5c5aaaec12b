package org.opd.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opd.eta.alert.AlertStore;
import org.opd.eta.projection.RebuildRedis;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.live.LiveAlertChange;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;
import org.opd.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * What operators rely on, with the real broker, Redis and PostgreSQL: alerts from doctor events
 * recorded in {@code system_alerts} and resolved there, and Redis rebuilt from Kafka after it lost
 * everything. Redis database {@value #REDIS_DB} only: the flush here must never touch another's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=" + EtaCalculatorApplication.CONFIG_NAME,
        "opd.eta.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.eta.application-id=opd-eta-ops-it-${random.uuid}",
        "opd.eta.state-dir=target/kafka-streams-it/${random.uuid}",
        "opd.eta.redis.database=" + OperationsIT.REDIS_DB,
        // Only events change queues here, so that nothing but the rebuild can bring flushed keys back.
        "opd.eta.queue.recompute-interval=1h",
        "opd.eta.alerts.late-after=5m"})
@EmbeddedKafka(kraft = true, count = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1"})
@DirtiesContext
class OperationsIT {

    static final int REDIS_DB = 11;
    private static final UUID HOSPITAL_ID = UUID.randomUUID();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final TestDatabase DATABASE = TestDatabases.migrated();
    private static final JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", 6379),
            DefaultJedisClientConfig.builder().database(REDIS_DB).build());

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;
    /** The real store, made to fail where a test says PostgreSQL is down. */
    @MockitoSpyBean
    AlertStore store;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    @AfterAll
    static void cleanUp() {
        redis.flushDB();
        redis.close();
        DATABASE.close();
    }

    @Test
    void aLateDoctorIsAnOpenAlertInSystemAlertsUntilTheShiftStartsThenItIsResolved() throws Exception {
        // Given a dashboard listening for the hospital's alert changes, and a shift that was due 20 minutes ago (late after 5)
        List<String> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        JedisPubSub dashboard = listenForAlertChanges(announced);
        UUID doctorId = UUID.randomUUID();
        UUID deptId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(Topics.DOCTOR_EVENTS, doctorId, doctorEvent(DoctorEventType.SHIFT_SCHEDULED, doctorId, deptId, now, now.minus(Duration.ofMinutes(20)), null));

        // Then one open DOCTOR_LATE row for the doctor
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(alertRows(doctorId))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("alert_type", "DOCTOR_LATE").containsEntry("entity_type", "DOCTOR")
                            .containsEntry("severity", "WARNING").containsEntry("is_resolved", false);
                    assertThat(row.get("resolved_at")).isNull();
                }));
        String change = JsonSerde.MAPPER.writeValueAsString(new LiveAlertChange(HOSPITAL_ID, "DOCTOR_LATE"));
        await().atMost(DEADLINE).until(() -> announced.contains(change));

        // When the doctor starts
        send(Topics.DOCTOR_EVENTS, doctorId, doctorEvent(DoctorEventType.SHIFT_STARTED, doctorId, deptId, now.plusSeconds(1),
                now.minus(Duration.ofMinutes(20)), now.plusSeconds(1)));

        // Then the same row is resolved
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(alertRows(doctorId))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("is_resolved", true);
                    assertThat(row.get("resolved_at")).isNotNull();
                }));
        // And the dashboards heard of both the raise and the resolution, each after it was stored
        await().atMost(DEADLINE).until(() -> announced.stream().filter(change::equals).count() == 2);
        dashboard.unsubscribe();
    }

    /** Subscribes on a thread of its own; the messages of this test's hospital land in {@code announced}. */
    private static JedisPubSub listenForAlertChanges(List<String> announced) throws InterruptedException {
        java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
        JedisPubSub subscription = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                if (message.contains(HOSPITAL_ID.toString())) {
                    announced.add(message);
                }
            }
        };
        Thread listener = new Thread(() -> redis.subscribe(subscription, LiveStateKeys.ALERT_CHANGES_CHANNEL), "alert-changes-listener");
        listener.setDaemon(true);
        listener.start();
        assertThat(subscribed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return subscription;
    }

    @Test
    void anUnreadableAlertIsSetAsideAndTheNextAlertOfItsPartitionIsRecorded() {
        // Given a record on opd.alerts that is not an alert, followed on its partition (same key) by an alert
        OperationsAlert next = lateDoctor(UUID.randomUUID());
        double setAsideBefore = meters.counter("opd.eta.dead.letters", "topic", Topics.ALERTS.name()).count();
        DeadLetterChecks.sendUnreadable(broker.getBrokersAsString(), Topics.ALERTS.name(), next.key(), "{not an alert");
        send(Topics.ALERTS, OperationsAlert::key, next);

        // Then the alert after it is recorded: the bad record did not stop the recorder
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(alertRows(next.entityId()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("alert_type", "DOCTOR_LATE")));

        // and the record waits on the alerts' dead-letter topic, as it was, with where it came from and why
        DeadLetterChecks.assertSetAside(broker.getBrokersAsString(), Topics.ALERTS.name(), next.key(), "{not an alert");
        assertThat(meters.counter("opd.eta.dead.letters", "topic", Topics.ALERTS.name()).count()).isEqualTo(setAsideBefore + 1);
        // and operators see it in system_alerts, recorded by the same recorder
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(openDeadLetterAlertOf(Topics.ALERTS.name())).isTrue());
    }

    @Test
    void alertsPostgreSqlRefusedMidBatchAreAllRecordedOnceItIsBack() {
        // Given PostgreSQL refusing the second of three alerts twice
        OperationsAlert first = lateDoctor(UUID.randomUUID());
        OperationsAlert refused = lateDoctor(UUID.randomUUID());
        OperationsAlert last = lateDoctor(UUID.randomUUID());
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(call -> {
            if (refused.eventId().equals(call.<OperationsAlert>getArgument(0).eventId()) && attempts.incrementAndGet() <= 2) {
                throw new CannotGetJdbcConnectionException("PostgreSQL is down");
            }
            return call.callRealMethod();
        }).when(store).record(any());

        // When the three arrive on one partition, in one batch as far as the producer can tell
        send(Topics.ALERTS, alert -> "one-partition", first, refused, last);

        // Then each is recorded after the refusals: the batch was handed over again, none skipped
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(alertRows(first.entityId())).hasSize(1);
            assertThat(alertRows(refused.entityId())).hasSize(1);
            assertThat(alertRows(last.entityId())).hasSize(1);
        });
        assertThat(attempts.get()).isEqualTo(3);
    }

    private static boolean openDeadLetterAlertOf(String topic) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM system_alerts
                         WHERE alert_type = 'DEAD_LETTERS' AND NOT is_resolved AND metadata->>'topic' = ?""")) {
            query.setString(1, topic);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }

    @Test
    void redisIsRebuiltFromKafkaAfterItLostEverything() {
        // Given two patients in one doctor's line, on the screens
        UUID doctorId = UUID.randomUUID();
        UUID deptId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(Topics.TOKEN_EVENTS, doctorId, checkIn(first, "ENT-001", doctorId, deptId, now),
                checkIn(second, "ENT-002", doctorId, deptId, now.plusSeconds(5)));
        String active = "queue:doctor:" + doctorId + ":active";
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(redis.zrange(active, 0, -1))
                .containsExactly(first.toString(), second.toString()));
        Map<String, String> shownBefore = redis.hgetAll("token:" + second + ":details");

        // When Redis loses everything, and the doctor's partition of the snapshots holds a record no one can read
        redis.flushDB();
        assertThat(redis.exists(active)).isFalse();
        DeadLetterChecks.sendUnreadable(broker.getBrokersAsString(), Topics.QUEUE_SNAPSHOTS.name(), doctorId.toString(), "{not a snapshot");

        // And the rebuild command runs with the service's configuration
        RebuildRedis.main(new String[] {
                "--opd.eta.kafka-bootstrap-servers=" + broker.getBrokersAsString(),
                "--opd.eta.redis.database=" + REDIS_DB,
                "--spring.datasource.url=" + DATABASE.jdbcUrl()});

        // Then the rebuild went past the unreadable record, and the screens read what they read before
        assertThat(redis.zrange(active, 0, -1)).containsExactly(first.toString(), second.toString());
        assertThat(redis.hgetAll("token:" + second + ":details")).isEqualTo(shownBefore).containsEntry("position", "2");
        assertThat(redis.get("queue:doctor:" + doctorId + ":version")).isEqualTo("2");
        assertThat(redis.get("dept:" + deptId + ":queue_count")).isEqualTo("2");
        assertThat(redis.get("doctor:" + doctorId + ":status")).isEqualTo("AVAILABLE");
    }

    private static TokenEvent checkIn(UUID tokenId, String number, UUID doctorId, UUID deptId, Instant at) {
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), TokenEventType.TOKEN_CHECKED_IN, at, tokenId, number,
                UUID.randomUUID(), doctorId, deptId, UUID.randomUUID(), null, TokenStatus.BOOKED, TokenStatus.CHECKED_IN, 1,
                BookingType.WALK_IN, null, at, null, null, null, 10, 5);
    }

    private static DoctorEvent doctorEvent(DoctorEventType type, UUID doctorId, UUID deptId, Instant at, Instant plannedStart,
            Instant actualStart) {
        return new DoctorEvent(DoctorEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at, doctorId, deptId, HOSPITAL_ID, null,
                UUID.randomUUID(), plannedStart.atZone(ZoneOffset.UTC).toLocalDate(), plannedStart, plannedStart.plus(Duration.ofHours(4)),
                actualStart, null, null, 10, 5, List.of());
    }

    @SafeVarargs
    private <V> void send(Topic<String, V> topic, UUID doctorId, V... events) {
        send(topic, event -> doctorId.toString(), events);
    }

    @SafeVarargs
    private <V> void send(Topic<String, V> topic, Function<V, String> keyOf, V... events) {
        Serializer<String> keys = topic.keySerde().serializer();
        Serializer<V> values = topic.valueSerde().serializer();
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), keys, values)) {
            for (V event : events) {
                producer.send(new ProducerRecord<>(topic.name(), keyOf.apply(event), event));
            }
            producer.flush();
        }
    }

    private static OperationsAlert lateDoctor(UUID doctorId) {
        return new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), AlertType.DOCTOR_LATE, AlertSeverity.WARNING,
                "DOCTOR", doctorId, UUID.randomUUID(), HOSPITAL_ID, "Not started 20 minutes after the planned start", Map.of(),
                false, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<Map<String, Object>> alertRows(UUID entityId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT alert_type, entity_type, severity, is_resolved, resolved_at FROM system_alerts WHERE entity_id = ?")) {
            query.setObject(1, entityId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("alert_type", result.getString(1));
                    row.put("entity_type", result.getString(2));
                    row.put("severity", result.getString(3));
                    row.put("is_resolved", result.getBoolean(4));
                    row.put("resolved_at", result.getTimestamp(5));
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
