package org.opd.eta.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenStatus;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * How long the rebuild command takes to bring the screens' Redis keys back from {@code opd.queue-snapshots} after
 * Redis lost them (issue 16's target: 20,000 tokens within 10 s). A morning's history as the topic holds it before
 * compaction: {@code doctors} doctors, each with {@code versions} snapshots, one patient finishing per version and
 * ten in line, so each doctor's tokens are {@code versions + 10} (defaults: 400 × 50 = 20,000 tokens, 16,000
 * snapshots). Redis db 12 is flushed first; afterwards every token's details must be there.
 * <pre>
 * mvn -B -ntp -q -pl eta-calculator -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=RedisRebuildBenchmark -Dopd.rebuild.benchmark=true -Dfailsafe.failIfNoSpecifiedTests=false \
 *     [-Dopd.rebuild.doctors=400 -Dopd.rebuild.versions=40]
 * </pre>
 * The figures land in {@code eta-calculator/target/redis-rebuild-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "opd.rebuild.benchmark", matches = "true")
class RedisRebuildBenchmark {

    private static final int REDIS_DB = 12;
    private static final int IN_LINE = 10;
    private static final Instant MORNING = Instant.parse("2026-03-02T03:30:00Z");

    private final int doctors = Integer.getInteger("opd.rebuild.doctors", 400);
    private final int versions = Integer.getInteger("opd.rebuild.versions", 40);

    @Test
    void rebuildsTheScreensKeysOfAMorningFromTheSnapshots() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.QUEUE_SNAPSHOTS.partitions());
        broker.afterPropertiesSet();
        try (JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", 6379),
                DefaultJedisClientConfig.builder().database(REDIS_DB).build())) {
            // Given a morning of snapshots on the topic, and a Redis that lost everything
            TopicProvisioner.ensureExist(broker.getBrokersAsString(), (short) 1, List.of(Topics.QUEUE_SNAPSHOTS));
            List<UUID> tokens = publishMorning(broker.getBrokersAsString());
            redis.flushDB();

            // When the rebuild runs
            long start = System.nanoTime();
            RedisRebuild.Result result = new RedisRebuild(broker.getBrokersAsString(),
                    new RedisQueueProjection(redis, Duration.ofMinutes(5), Duration.ofHours(24))).run();
            double seconds = (System.nanoTime() - start) / 1e9;

            // Then every snapshot was read, each doctor's newest applied, and every token's details are back
            assertThat(result.read()).isEqualTo((long) doctors * versions);
            long missing = tokens.stream().filter(token -> !redis.exists("token:" + token + ":details")).count();
            assertThat(missing).as("tokens without details").isZero();
            report("BENCH redis-rebuild doctors=%d snapshots=%d tokens=%d applied=%d seconds=%.2f snapshots/s=%.0f load=%s"
                    .formatted(doctors, result.read(), tokens.size(), result.applied(), seconds, result.read() / seconds,
                            Files.readString(Path.of("/proc/loadavg")).trim()));
            redis.flushDB();
        } finally {
            broker.destroy();
        }
    }

    /** Every doctor's morning, version by version; returns the ids of all tokens seen. */
    private List<UUID> publishMorning(String bootstrapServers) {
        List<UUID> allTokens = new ArrayList<>();
        try (KafkaProducer<String, QueueSnapshot> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20),
                Topics.QUEUE_SNAPSHOTS.keySerde().serializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().serializer())) {
            UUID hospital = UUID.randomUUID();
            UUID department = UUID.randomUUID();
            for (int d = 0; d < doctors; d++) {
                UUID doctor = UUID.randomUUID();
                List<UUID> tokens = IntStream.range(0, versions + IN_LINE).mapToObj(i -> UUID.randomUUID()).toList();
                allTokens.addAll(tokens);
                for (int v = 1; v <= versions; v++) {
                    producer.send(new ProducerRecord<>(Topics.QUEUE_SNAPSHOTS.name(), doctor.toString(),
                            snapshot(doctor, department, hospital, v, tokens)));
                }
            }
            producer.flush();
        }
        return allTokens;
    }

    /** Version v: token v-1 has just finished, tokens v..v+9 are in line. */
    private static QueueSnapshot snapshot(UUID doctor, UUID department, UUID hospital, int version, List<UUID> tokens) {
        Instant asOf = MORNING.plus(Duration.ofMinutes(8L * version));
        List<QueuedToken> waiting = new ArrayList<>();
        for (int position = 1; position <= IN_LINE; position++) {
            int index = version - 1 + position;
            waiting.add(new QueuedToken(tokens.get(index), "GEN-%03d".formatted(index + 1), TokenStatus.WAITING, 1, position,
                    8 * position, 12 * position, asOf, null, null));
        }
        List<QueuedToken> departed = List.of(new QueuedToken(tokens.get(version - 1), "GEN-%03d".formatted(version),
                TokenStatus.COMPLETED, 1, null, null, null, asOf, asOf, asOf));
        return new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, doctor, department, hospital, version, asOf,
                DoctorStatus.AVAILABLE, null, waiting, List.of(), departed);
    }

    private static void report(String line) throws IOException {
        System.out.println(line);
        Files.writeString(Path.of("target", "redis-rebuild-benchmark.txt"), line + System.lineSeparator());
    }
}
