package org.opd.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.eta.projection.RedisQueueProjection;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.opd.testsupport.TestDatabase;
import org.opd.testsupport.TestIssuer;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.resps.Tuple;

/**
 * The whole service: token events into a real (in-process KRaft) broker, the exactly-once queue
 * topology, the snapshot projector, and the keys a waiting-room screen reads from the local Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EtaCalculatorApplication.CONFIG_NAME,
        "opd.eta.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.eta.application-id=opd-eta-it-${random.uuid}",
        "opd.eta.state-dir=target/kafka-streams-it/${random.uuid}",
        "opd.eta.redis.host=127.0.0.1",
        "opd.eta.redis.port=6379",
        // Event times here are fixed in the past: the wall-clock recomputation stays out of the way.
        "opd.eta.queue.recompute-interval=1h"})
// One broker: with Kafka's transaction log defaults (3 replicas, min ISR 2) exactly-once producers
// wait for a coordinator forever. Seen with 3.9.2: a bare EmbeddedKafkaKraftBroker sets neither
// (initTransactions times out); the annotation's factory sets the replicas to the broker count but
// leaves min ISR at 2. Stated here so the test does not lean on either.
@EmbeddedKafka(kraft = true, count = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1"})
// Tests switch metrics export off unless asked: the Prometheus endpoint is part of what is checked here.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class QueuePipelineIT {

    private static final Duration SCREEN_DEADLINE = Duration.ofSeconds(30);
    private static final JedisPooled redis = new JedisPooled("127.0.0.1", 6379);
    private static final TestDatabase DATABASE = TestDatabases.migrated();
    private static final TestIssuer ISSUER = TestIssuer.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("opd.security.trusted-issuers", ISSUER::issuer);
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestRestTemplate http;
    /** The real projection, made to fail where a test says Redis is down. */
    @MockitoSpyBean
    RedisQueueProjection projection;

    private final List<String> keysToDelete = new ArrayList<>();

    @AfterEach
    void deleteKeys() {
        if (!keysToDelete.isEmpty()) {
            redis.del(keysToDelete.toArray(String[]::new));
        }
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
        ISSUER.close();
        DATABASE.close();
    }

    @Test
    void aScreenSeesPositionsEtasAndStatusesAsTokensMoveThroughTheDay() {
        // Given two doctors of one department: avg 10 / buffer 5, and avg 20 / buffer 5
        DoctorDay cardiology = new DoctorDay(10, 5);
        DoctorDay colleague = new DoctorDay(cardiology.deptId, 20, 5);
        var normal1 = cardiology.token("CARD-001", 1);
        var normal2 = cardiology.token("CARD-002", 1);
        var emergency = cardiology.token("CARD-003", 3);
        var elsewhere = colleague.token("CARD-004", 1);
        rememberDoctors(cardiology, colleague);
        rememberTokens(normal1.tokenId, normal2.tokenId, emergency.tokenId, elsewhere.tokenId);

        // When two patients check in, an emergency arrives, and the colleague has one patient waiting
        try (var producer = producer()) {
            send(producer, cardiology, normal1.issued(0), normal2.issued(0), normal1.checkedIn(1), normal1.queued(2),
                    normal2.checkedIn(3), normal2.queued(4), emergency.checkedIn(5));
            send(producer, colleague, elsewhere.checkedIn(6));
        }

        // Then the emergency is first, the others follow with one consultation plus buffer each
        await().atMost(SCREEN_DEADLINE).untilAsserted(() -> {
            assertThat(activeQueue(cardiology)).containsExactly(
                    tuple(emergency.tokenId.toString(), 1.0),
                    tuple(normal1.tokenId.toString(), 2.0),
                    tuple(normal2.tokenId.toString(), 3.0));
            assertThat(redis.get("dept:" + cardiology.deptId + ":queue_count")).isEqualTo("4");
        });
        Map<String, String> details = redis.hgetAll("token:" + normal1.tokenId + ":details");
        assertThat(details).containsAllEntriesOf(Map.of(
                "tokenNumber", "CARD-001", "status", "WAITING", "priority", "1",
                "doctorId", cardiology.doctorId.toString(), "position", "2", "version", "7"));
        // The learned model's figures: one emergency consultation plus the gaps ahead, P90 above P50.
        assertThat(Integer.parseInt(details.get("etaMinutesP50"))).isBetween(8, 25);
        assertThat(Integer.parseInt(details.get("etaMinutesP90"))).isGreaterThan(Integer.parseInt(details.get("etaMinutesP50")));
        assertThat(redis.get("doctor:" + cardiology.doctorId + ":status")).isEqualTo("AVAILABLE");
        assertThat(redis.ttl("doctor:" + cardiology.doctorId + ":status")).isBetween(1L, 300L);
        assertThat(redis.exists("doctor:" + cardiology.doctorId + ":current")).isFalse();

        // When the emergency is called in and its consultation starts
        try (var producer = producer()) {
            send(producer, cardiology, emergency.queued(6), emergency.called(7), emergency.started(8));
        }

        // Then the doctor is busy with it and the line moves up
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.get("doctor:" + cardiology.doctorId + ":current")).isEqualTo(emergency.tokenId.toString()));
        assertThat(redis.get("doctor:" + cardiology.doctorId + ":status")).isEqualTo("BUSY");
        assertThat(activeQueue(cardiology)).containsExactly(
                tuple(normal1.tokenId.toString(), 1.0), tuple(normal2.tokenId.toString(), 2.0));
        assertThat(redis.hgetAll("token:" + normal1.tokenId + ":details"))
                .containsEntry("position", "1").containsKeys("etaMinutesP50", "etaMinutesP90");
        assertThat(redis.hgetAll("token:" + emergency.tokenId + ":details"))
                .containsEntry("status", "IN_CONSULTATION")
                .doesNotContainKeys("position", "etaMinutesP50", "etaMinutesP90");
        assertThat(redis.get("dept:" + cardiology.deptId + ":queue_count")).isEqualTo("3");

        // When the consultation completes and the last patient does not show up
        try (var producer = producer()) {
            send(producer, cardiology, emergency.completed(20), normal2.noShow(21));
        }

        // Then both leave the line with their final status, and only the colleague's patient and one other remain
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.hget("token:" + normal2.tokenId + ":details", "status")).isEqualTo("NO_SHOW"));
        assertThat(activeQueue(cardiology)).containsExactly(tuple(normal1.tokenId.toString(), 1.0));
        assertThat(redis.hgetAll("token:" + emergency.tokenId + ":details"))
                .containsEntry("status", "COMPLETED").doesNotContainKeys("position", "etaMinutesP50");
        assertThat(redis.exists("doctor:" + cardiology.doctorId + ":current")).isFalse();
        assertThat(redis.get("doctor:" + cardiology.doctorId + ":status")).isEqualTo("AVAILABLE");
        assertThat(redis.get("dept:" + cardiology.deptId + ":queue_count")).isEqualTo("2");
        assertThat(redis.get("queue:doctor:" + cardiology.doctorId + ":version")).isEqualTo("12");
    }

    @Test
    void aRedeliveredEventAndAReplayedOlderSnapshotLeaveTheScreenAsItIs() {
        DoctorDay day = new DoctorDay(10, 5);
        var first = day.token("GEN-001", 1);
        var second = day.token("GEN-002", 1);
        rememberDoctors(day);
        rememberTokens(first.tokenId, second.tokenId);
        TokenEvent secondCheckIn;
        try (var producer = producer()) {
            secondCheckIn = second.checkedIn(2);
            send(producer, day, first.checkedIn(1), secondCheckIn, secondCheckIn);
        }
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.get("queue:doctor:" + day.doctorId + ":version")).isEqualTo("2"));

        // When an older snapshot of this doctor (version 1: only the first token) is published again
        double staleBefore = meters.counter("opd.eta.projection.snapshots", "outcome", "stale").count();
        publish(snapshotWithOneWaiting(day, 1, first.tokenId, "GEN-001"));

        // Then the projector reads and refuses it; the screen still shows both tokens (the duplicate check-in counted once)
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(meters.counter("opd.eta.projection.snapshots", "outcome", "stale").count()).isGreaterThan(staleBefore));
        assertThat(redis.get("queue:doctor:" + day.doctorId + ":version")).isEqualTo("2");
        assertThat(activeQueue(day)).containsExactly(
                tuple(first.tokenId.toString(), 1.0), tuple(second.tokenId.toString(), 2.0));
        assertThat(redis.get("dept:" + day.deptId + ":queue_count")).isEqualTo("2");
    }

    @Test
    void anUnreadableEventIsSetAsideAndTheDoctorsQueueGoesOn() {
        // Given a record on a doctor's partition that is not a token event, followed by a check-in
        DoctorDay day = new DoctorDay(10, 5);
        var token = day.token("GEN-001", 1);
        rememberDoctors(day);
        rememberTokens(token.tokenId);
        DeadLetterChecks.sendUnreadable(broker.getBrokersAsString(), Topics.TOKEN_EVENTS.name(), day.key(), "{not json");
        try (var producer = producer()) {
            send(producer, day, token.checkedIn(1));
        }

        // Then the screen shows the check-in: the bad record did not stop the topology
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.get("queue:doctor:" + day.doctorId + ":version")).isEqualTo("1"));

        // and the record waits on the dead-letter topic, as it was, with where it came from and why
        DeadLetterChecks.assertSetAside(broker.getBrokersAsString(), Topics.TOKEN_EVENTS.name(), day.key(), "{not json");
        assertThat(meters.counter("opd.eta.dead.letters", "topic", Topics.TOKEN_EVENTS.name()).count()).isGreaterThanOrEqualTo(1);
        // and operators see it as an open alert
        await().atMost(SCREEN_DEADLINE).until(() -> openDeadLetterAlerts() > 0);
    }

    @Test
    void anUnreadableSnapshotIsSetAsideAndTheNextOneIsProjected() {
        // Given a record on a doctor's snapshot partition that is not a queue snapshot, followed by a snapshot
        UUID tokenId = UUID.randomUUID();
        DoctorDay day = rememberedDayOf(tokenId);
        double setAsideBefore = meters.counter("opd.eta.dead.letters", "topic", Topics.QUEUE_SNAPSHOTS.name()).count();
        DeadLetterChecks.sendUnreadable(broker.getBrokersAsString(), Topics.QUEUE_SNAPSHOTS.name(), day.key(), "{not a snapshot");
        publish(snapshotWithOneWaiting(day, 1, tokenId, "GEN-001"));

        // Then the screen shows the snapshot after it: the bad record did not stop the projection
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.get("queue:doctor:" + day.doctorId + ":version")).isEqualTo("1"));
        assertThat(activeQueue(day)).containsExactly(tuple(tokenId.toString(), 1.0));

        // and the record waits on the snapshots' dead-letter topic, as it was, with where it came from and why
        DeadLetterChecks.assertSetAside(broker.getBrokersAsString(), Topics.QUEUE_SNAPSHOTS.name(), day.key(), "{not a snapshot");
        assertThat(meters.counter("opd.eta.dead.letters", "topic", Topics.QUEUE_SNAPSHOTS.name()).count())
                .isEqualTo(setAsideBefore + 1);
        // and operators see it as an open alert naming the topic
        await().atMost(SCREEN_DEADLINE).until(() -> openDeadLetterAlerts(Topics.QUEUE_SNAPSHOTS.name()) == 1);
    }

    @Test
    void aSnapshotRedisRefusedIsProjectedOnceRedisIsBack() {
        // Given Redis down for the next two attempts at this doctor's snapshots
        UUID tokenId = UUID.randomUUID();
        DoctorDay day = rememberedDayOf(tokenId);
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(call -> {
            List<QueueSnapshot> batch = call.getArgument(0);
            if (batch.stream().anyMatch(snapshot -> day.doctorId.equals(snapshot.doctorId())) && attempts.incrementAndGet() <= 2) {
                throw new JedisConnectionException("Redis is down");
            }
            return call.callRealMethod();
        }).when(projection).projectAll(anyList());

        // When the doctor's only snapshot is published (no later one would bring its state back)
        publish(snapshotWithOneWaiting(day, 1, tokenId, "GEN-001"));

        // Then it reaches the screen after the two refusals: retried, not skipped
        await().atMost(SCREEN_DEADLINE).untilAsserted(() ->
                assertThat(redis.get("queue:doctor:" + day.doctorId + ":version")).isEqualTo("1"));
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(activeQueue(day)).containsExactly(tuple(tokenId.toString(), 1.0));
        assertThat(redis.hget("token:" + tokenId + ":details", "position")).isEqualTo("1");
    }

    @Test
    void healthIsUpAndMetricsAreExposedWhileTheTopologyRuns() {
        await().atMost(SCREEN_DEADLINE).untilAsserted(() -> {
            String health = http.getForObject("/actuator/health", String.class);
            assertThat(health).contains("\"status\":\"UP\"").contains("\"state\":\"RUNNING\"")
                    .contains("\"consuming\":true", "\"partitions\":" + Topics.QUEUE_SNAPSHOTS.partitions());
        });
        assertThat(prometheusWith(null).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> metrics = prometheusWith(ISSUER.token("operations-1", "OPERATIONS"));
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("opd_eta_snapshots_published_total", "opd_eta_projection_lag_seconds");
    }

    private static int openDeadLetterAlerts() throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
             ResultSet open = statement.executeQuery(
                     "SELECT count(*) FROM system_alerts WHERE alert_type = 'DEAD_LETTERS' AND NOT is_resolved")) {
            open.next();
            return open.getInt(1);
        }
    }

    private static int openDeadLetterAlerts(String topic) throws SQLException {
        try (Connection connection = DATABASE.connect(); var query = connection.prepareStatement(
                "SELECT count(*) FROM system_alerts WHERE alert_type = 'DEAD_LETTERS' AND NOT is_resolved AND metadata->>'topic' = ?")) {
            query.setString(1, topic);
            try (ResultSet open = query.executeQuery()) {
                open.next();
                return open.getInt(1);
            }
        }
    }

    private static QueueSnapshot snapshotWithOneWaiting(DoctorDay day, long version, UUID tokenId, String tokenNumber) {
        return new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, day.doctorId, day.deptId, day.hospitalId,
                version, DoctorDay.at(1), DoctorStatus.AVAILABLE, null,
                List.of(new QueuedToken(tokenId, tokenNumber, TokenStatus.CHECKED_IN, 1, 1, 0, 0, DoctorDay.at(1), null, null)),
                List.of(), List.of());
    }

    private void publish(QueueSnapshot snapshot) {
        try (var producer = new KafkaProducer<>(producerConfig(), Topics.QUEUE_SNAPSHOTS.keySerde().serializer(),
                Topics.QUEUE_SNAPSHOTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.QUEUE_SNAPSHOTS.name(), snapshot.doctorId().toString(), snapshot));
        }
    }

    private ResponseEntity<String> prometheusWith(String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private void rememberTokens(UUID... tokens) {
        for (UUID token : tokens) {
            keysToDelete.add("token:" + token + ":details");
        }
    }

    /** A doctor of its own with the token, their keys deleted after the test. */
    private DoctorDay rememberedDayOf(UUID tokenId) {
        DoctorDay day = new DoctorDay(10, 5);
        rememberDoctors(day);
        rememberTokens(tokenId);
        return day;
    }

    private void rememberDoctors(DoctorDay... days) {
        for (DoctorDay day : days) {
            keysToDelete.addAll(List.of("queue:doctor:" + day.doctorId + ":active", "queue:doctor:" + day.doctorId + ":version",
                    "doctor:" + day.doctorId + ":current", "doctor:" + day.doctorId + ":status",
                    "dept:" + day.deptId + ":queue_count", "dept:" + day.deptId + ":in_line_by_doctor"));
        }
    }

    private List<org.assertj.core.groups.Tuple> activeQueue(DoctorDay day) {
        return redis.zrangeWithScores("queue:doctor:" + day.doctorId + ":active", 0, -1).stream()
                .map((Tuple member) -> tuple(member.getElement(), member.getScore()))
                .toList();
    }

    private KafkaProducer<String, TokenEvent> producer() {
        return new KafkaProducer<>(producerConfig(), Topics.TOKEN_EVENTS.keySerde().serializer(),
                Topics.TOKEN_EVENTS.valueSerde().serializer());
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static void send(KafkaProducer<String, TokenEvent> producer, DoctorDay day, TokenEvent... events) {
        for (TokenEvent event : events) {
            producer.send(new ProducerRecord<>(Topics.TOKEN_EVENTS.name(), day.key(), event));
        }
        producer.flush();
    }
}
