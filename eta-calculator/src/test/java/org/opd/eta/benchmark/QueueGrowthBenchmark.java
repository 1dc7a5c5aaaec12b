package org.opd.eta.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.eta.DoctorDay;
import org.opd.eta.TestDatabases;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.projection.RedisQueueProjection;
import org.opd.eta.topology.QueueTopology;
import org.opd.eta.topology.TopologySettings;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.TestDatabase;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Cost per event as one doctor's line grows (issue 11): for lines of 10 to 1,000 waiting tokens, the
 * time per event through the queue topology (every event published on its own, the worst case: no
 * coalescing), the bytes it writes (snapshot, ETA changes, the doctor's state), the ETA changes it
 * causes, the Redis projection of that snapshot, and, against it, the seed's {@code calculate_token_eta}
 * refreshing every token of such a line in PostgreSQL. Two kinds of event: a patient joining at the
 * back (one token's ETA changes) and the front patient going in (every position moves). The test
 * driver commits, and so flushes the state stores to disk, after every event: the line of one token
 * shows that floor, which a running topology pays once per commit interval instead.
 * Not part of the default test run; needs the local PostgreSQL and Redis; run with
 * {@code mvn -B -ntp -q -pl eta-calculator -am test -Dtest=QueueGrowthBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dopd.benchmark.lines=10,100,1000}) and read {@code eta-calculator/target/queue-growth.txt}.
 */
class QueueGrowthBenchmark {

    private static final int EVENTS_PER_KIND = 100;
    private static final JsonSerde<Object> JSON = new JsonSerde<>(Object.class);

    @TempDir
    Path stateDir;

    private final StringBuilder report = new StringBuilder();

    @Test
    void reportsCostPerEventAsOneLineGrows() throws Exception {
        int[] lines = Arrays.stream(System.getProperty("opd.benchmark.lines", "1,10,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        line("%6s %-10s | %9s %9s | %9s %9s %9s | %9s | %9s %11s %7s", "line", "event", "topo ms", "changes", "snap KB",
                "changes KB", "state KB", "redis ms", "seed ms", "seed/topo", "");
        try (TestDatabase database = TestDatabases.migrated();
             JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", 6379),
                     DefaultJedisClientConfig.builder().database(15).build())) {
            RedisQueueProjection projection = new RedisQueueProjection(redis, Duration.ofMinutes(5), Duration.ofMinutes(5));
            for (int size : lines) {
                measure(size, projection, database);
            }
            redis.flushDB();
        }
        Path out = Path.of("target", "queue-growth.txt");
        Files.writeString(out, report);
        System.out.print(report);
    }

    private void measure(int size, RedisQueueProjection projection, TestDatabase database) throws SQLException, IOException {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-growth-" + size);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("line-" + size).toString());
        DoctorDay day = new DoctorDay(10, 5);
        try (TopologyTestDriver driver = new TopologyTestDriver(new QueueTopology(new LearnedEtaEstimator(),
                TopologySettings.DEFAULTS.withPublishInterval(Duration.ZERO), new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .build(), config, DoctorDay.NINE)) {
            TestInputTopic<String, TokenEvent> events = driver.createInputTopic(Topics.TOKEN_EVENTS.name(),
                    Topics.TOKEN_EVENTS.keySerde().serializer(), Topics.TOKEN_EVENTS.valueSerde().serializer());
            TestOutputTopic<String, QueueSnapshot> snapshots = driver.createOutputTopic(Topics.QUEUE_SNAPSHOTS.name(),
                    Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
            TestOutputTopic<String, EtaChange> changes = driver.createOutputTopic(Topics.ETA_CHANGES.name(),
                    Topics.ETA_CHANGES.keySerde().deserializer(), Topics.ETA_CHANGES.valueSerde().deserializer());
            KeyValueStore<String, Object> state = driver.getKeyValueStore(QueueTopology.QUEUE_STORE);

            Deque<DoctorDay.Token> line = new ArrayDeque<>();
            int number = 0;
            for (; number < size; number++) {
                DoctorDay.Token token = day.token("GEN-" + number, 1);
                line.addLast(token);
                events.pipeInput(day.key(), token.checkedIn(0), DoctorDay.at(0));
            }
            snapshots.readValuesToList();
            changes.readValuesToList();

            Costs joins = new Costs();
            Costs calls = new Costs();
            // All at one minute, so that what moves an ETA is the event, not the clock.
            int minute = 1;
            for (int i = 0; i < EVENTS_PER_KIND; i++) {
                DoctorDay.Token joining = day.token("GEN-" + number++, 1);
                line.addLast(joining);
                joins.add(timed(events, day.key(), joining.checkedIn(minute)), snapshots, changes, state, day.key(), projection);
                // The front patient goes in (every position moves up), then the consultation ends and frees the cabin.
                DoctorDay.Token front = line.removeFirst();
                events.pipeInput(day.key(), front.called(minute), DoctorDay.at(minute));
                snapshots.readValuesToList();
                changes.readValuesToList();
                calls.add(timed(events, day.key(), front.started(minute)), snapshots, changes, state, day.key(), projection);
                events.pipeInput(day.key(), front.completed(minute), DoctorDay.at(minute));
                snapshots.readValuesToList();
                changes.readValuesToList();
            }
            double seedMillis = seedRefresh(database, size);
            joins.report(size, "join back", seedMillis);
            calls.report(size, "front in", seedMillis);
        }
    }

    private static long timed(TestInputTopic<String, TokenEvent> events, String key, TokenEvent event) {
        long start = System.nanoTime();
        events.pipeInput(key, event, event.occurredAt());
        return System.nanoTime() - start;
    }

    /** What one kind of event cost, summed over its events. */
    private final class Costs {
        private long topologyNanos;
        private long redisNanos;
        private long changeCount;
        private long snapshotBytes;
        private long changeBytes;
        private long stateBytes;
        private int events;

        void add(long nanos, TestOutputTopic<String, QueueSnapshot> snapshots, TestOutputTopic<String, EtaChange> changes,
                 KeyValueStore<String, Object> state, String key, RedisQueueProjection projection) {
            events++;
            topologyNanos += nanos;
            List<QueueSnapshot> published = snapshots.readValuesToList();
            for (QueueSnapshot snapshot : published) {
                snapshotBytes += JSON.serializer().serialize(null, snapshot).length;
                long start = System.nanoTime();
                projection.project(snapshot);
                redisNanos += System.nanoTime() - start;
            }
            for (EtaChange change : changes.readValuesToList()) {
                changeCount++;
                changeBytes += JSON.serializer().serialize(null, change).length;
            }
            stateBytes += JSON.serializer().serialize(null, state.get(key)).length;
        }

        void report(int size, String kind, double seedMillis) {
            double topologyMillis = topologyNanos / 1e6 / events;
            line("%6d %-10s | %9.3f %9.1f | %9.1f %9.1f %9.1f | %9.3f | %9.2f %11.1f", size, kind, topologyMillis,
                    (double) changeCount / events, snapshotBytes / 1024.0 / events, changeBytes / 1024.0 / events,
                    stateBytes / 1024.0 / events, redisNanos / 1e6 / events, seedMillis, seedMillis / topologyMillis);
        }
    }

    /**
     * Milliseconds for the seed's way of refreshing a line of {@code size}: {@code calculate_token_eta} for every
     * waiting token of the doctor (the median of five runs, after one to warm up).
     */
    private static double seedRefresh(TestDatabase database, int size) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            UUID hospital = UUID.randomUUID();
            UUID dept = UUID.randomUUID();
            UUID cabin = UUID.randomUUID();
            UUID doctor = UUID.randomUUID();
            UUID patient = UUID.randomUUID();
            s.execute("INSERT INTO hospitals (hospital_id, name, address, latitude, longitude) VALUES ('" + hospital
                    + "', 'City Hospital', 'Main Road', 12.97, 77.59)");
            s.execute("INSERT INTO departments (dept_id, hospital_id, name, code, avg_consultation_time) VALUES ('" + dept
                    + "', '" + hospital + "', 'General', 'G" + size + "', 10)");
            s.execute("INSERT INTO cabins (cabin_id, dept_id, cabin_number) VALUES ('" + cabin + "', '" + dept + "', 'C-" + size + "')");
            s.execute("INSERT INTO doctors (doctor_id, hospital_id, emp_code, name, specialization, phone, avg_consultation_time)"
                    + " VALUES ('" + doctor + "', '" + hospital + "', 'EMP-" + size + "', 'Dr. Rao', 'General', '+910000000000', 10)");
            s.execute("INSERT INTO patients (patient_id, hospital_id, uhid, name, phone) VALUES ('" + patient + "', '" + hospital
                    + "', 'UH-" + size + "', 'A Patient', '+910000000001')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tokens (token_number, patient_id, doctor_id, cabin_id,"
                    + " dept_id, hospital_id, status, scheduled_time, service_date, queue_position)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'WAITING', now(), current_date, ?)")) {
                for (int i = 1; i <= size; i++) {
                    insert.setString(1, "S-" + i);
                    insert.setObject(2, patient);
                    insert.setObject(3, doctor);
                    insert.setObject(4, cabin);
                    insert.setObject(5, dept);
                    insert.setObject(6, hospital);
                    insert.setInt(7, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("ANALYZE tokens");
            List<Double> runs = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT calculate_token_eta(token_id) FROM tokens WHERE doctor_id = '" + doctor
                        + "' AND status = 'WAITING'")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    if (rows != size) {
                        throw new IllegalStateException("Expected " + size + " ETAs, got " + rows);
                    }
                }
                if (run > 0) {
                    runs.add((System.nanoTime() - start) / 1e6);
                }
            }
            runs.sort(null);
            return runs.get(runs.size() / 2);
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }
}
