package org.opd.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.deploy.LocalSecrets;
import org.opd.deploy.LocalSystem;
import org.opd.deploy.LocalSystemConfig;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.TestDatabase;

import redis.clients.jedis.JedisPool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load generator's 30-second smoke run against the whole running system (broker and the four
 * services in one JVM, as the runner starts them), ending with its check of PostgreSQL against
 * Redis and the notification log. A modest rate: the suite runs on shared cores; the figures that
 * count are the benchmarks' (docs/benchmarks.md).
 */
class LoadGeneratorSmokeIT {

    @TempDir
    static Path dataDir;

    private static TestDatabase database;
    private static LocalTwilioServer sms;
    private static LocalSystem system;
    private static int orchestratorPort;

    @BeforeAll
    static void startTheSystem() {
        database = TestDatabase.create();
        sms = new LocalTwilioServer("AC-load", "load-secret");
        orchestratorPort = FreePorts.next();
        system = LocalSystem.start(new LocalSystemConfig(database.host(), database.port(), database.name(),
                database.user(), database.password(), "127.0.0.1", 6379, dataDir, 0, orchestratorPort, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "opd_load_" + database.name(), sms.baseUrl(), "AC-load", "load-secret",
                "+15550002222"));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        sms.close();
        database.close();
    }

    @Test
    void thirtySecondsOfMorningsLeaveEveryStoreInAgreement() throws Exception {
        // Given the generator pointed at the running system, signing in with the runner's bootstrap client
        LocalSecrets secrets = LocalSecrets.load(dataDir);
        LoadTarget target = new LoadTarget("http://127.0.0.1:" + orchestratorPort, secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID),
                secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET), database.jdbcUrl(), database.user(), database.password(),
                "127.0.0.1", 6379);
        Path out = dataDir.resolve("load");
        LoadOptions options = LoadOptions.parse("--rate=40", "--duration=30s", "--clients=4", "--hospitals=1",
                "--departments=2", "--doctors=3", "--sample-every=2", "--drain-timeout=2m", "--out=" + out);
        ObjectMapper json = new ObjectMapper();
        List<String> progress = new ArrayList<>();

        // When it runs its 30 seconds
        RunReport report = LoadGenerator.run(options, target, json, line -> {
            progress.add(line);
            System.out.println(line);
        });
        System.out.print(report.text());
        List<Path> written = report.write(json, Instant.now());

        // Then the API took moves of every kind (how many the shared cores allow is the benchmarks' business),
        // every sample reached Redis and the log, and the check passed
        assertThat(report.passed()).as(report.text()).isTrue();
        assertThat(report.text()).contains("PASSED");
        assertThat(report.stats().accepted()).isGreaterThan(300);
        assertThat(report.stats().acceptedByKind()).allSatisfy((kind, count) -> {
            if (kind != MoveKind.NO_SHOW) {
                assertThat(count).as(kind.name()).isPositive();
            }
        });
        assertThat(report.stats().redis().count()).isGreaterThan(100);
        assertThat(report.stats().notification().count()).isGreaterThan(10);
        assertThat(report.samplesUnseen()).isZero();
        assertThat(report.check().findings()).hasSize(7).allMatch(InvariantCheck.Finding::holds);
        assertThat(progress).anyMatch(line -> line.contains("moves/s"));

        // And the summary and the plot are on disk
        JsonNode summary = json.readTree(written.get(0).toFile());
        assertThat(summary.get("acceptedMoves").asLong()).isEqualTo(report.stats().accepted());
        assertThat(summary.get("check").get("passed").asBoolean()).isTrue();
        assertThat(summary.get("perSecond").size()).isGreaterThanOrEqualTo(29);
        assertThat(Files.readAllBytes(written.get(1))).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        // And the operator's check of the running system agrees, until Redis is made to differ
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             JedisPool redis = new JedisPool("127.0.0.1", 6379)) {
            InvariantCheck check = new InvariantCheck(connection, redis);
            assertThat(liveCheck(check)).startsWith("0:").contains("Everything agrees");

            UUID token = anyTokenOf(connection);
            try (var jedis = redis.getResource()) {
                jedis.hset(LiveStateKeys.tokenDetails(token), TokenDetailsField.STATUS.field(), "CANCELLED_BY_MISTAKE");
            }
            assertThat(liveCheck(check)).startsWith("1:").contains("BROKEN", token.toString());
        }
    }

    private static String liveCheck(InvariantCheck check) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LiveCheckCommand.run(new String[] {"--since=1h", "--settle=5s"}, check,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + ":" + out.toString(StandardCharsets.UTF_8);
    }

    private static UUID anyTokenOf(Connection connection) throws Exception {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT token_id FROM tokens LIMIT 1")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
