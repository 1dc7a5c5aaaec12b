package org.opd.deploy.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.deploy.kafka.InProcessKafkaBroker;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.TestDatabase;

/**
 * The set-up command against a fresh database, a real KRaft broker and the local Redis:
 * {@code --validate} names what is missing and changes nothing, set-up makes it all, and then
 * {@code --validate} passes, {@code --force} refuses what exists, and a changed topic is named.
 */
class SetupCommandIT {

    @TempDir
    Path kafkaData;

    @Test
    void validateNamesWhatIsMissingThenSetUpMakesItAndValidatePasses() throws Exception {
        try (TestDatabase database = TestDatabase.create(); InProcessKafkaBroker broker = InProcessKafkaBroker.start(kafkaData, 0)) {
            SetupConfig config = config(database, broker);

            // When a fresh installation is validated
            Run fresh = run(config, "--validate");

            // Then it fails, naming the schema, the slot, the publication and every topic, and creates nothing
            assertThat(fresh.exitCode()).isEqualTo(1);
            assertThat(fresh.output()).containsPattern("MISSING +PostgreSQL schema \\(Flyway migrations\\): \\d+ migrations not applied: V1, V2, ")
                    .contains("Replication slot " + config.replicationSlot() + " does not exist")
                    .contains("Publication " + config.publication() + " does not exist")
                    .contains("IN_PLACE  Redis at ");
            for (var topic : Topics.ALL) {
                assertThat(fresh.output()).contains("MISSING   Kafka topic " + topic.name());
            }
            assertThat(count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();

            // When it is set up
            Run setUp = run(config);

            // Then everything is made, and validating passes
            assertThat(setUp.exitCode()).as(setUp.output()).isZero();
            assertThat(setUp.output()).contains("CREATED   PostgreSQL schema").contains("CREATED   Kafka topic opd.token-events");
            Run valid = run(config, "--validate");
            assertThat(valid.exitCode()).as(valid.output()).isZero();
            assertThat(valid.output()).doesNotContain("MISSING").doesNotContain("WRONG").contains("Everything is in place.");
            assertThat(count(database, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + config.replicationSlot()
                    + "' AND plugin = 'pgoutput'")).isEqualTo(1);
            assertThat(count(database, "SELECT count(*) FROM icd10_codes")).isEqualTo(95_524);

            // And --force, which creates only on a fresh installation, refuses each thing that exists
            Run forced = run(config, "--force");
            assertThat(forced.exitCode()).isEqualTo(1);
            assertThat(forced.output()).contains("WRONG     PostgreSQL schema (Flyway migrations): already migrated to version")
                    .contains("replication slot exists already").contains("WRONG     Kafka topic opd.alerts: exists already");

            // And a topic changed by hand is named with what is wrong
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ETA_CHANGES.name());
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "60000"), AlterConfigOp.OpType.SET)))).all().get();
            }
            // (the broker applies a change the controller accepted a moment later, longer on a loaded machine)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Run changed = run(config, "--validate");
                assertThat(changed.exitCode()).isEqualTo(1);
                assertThat(changed.output()).contains("WRONG     Kafka topic opd.eta-changes: retention.ms is 60000, needs 604800000");
            });
        }
    }

    @Test
    void unknownArgumentsAreRefused() {
        assertThat(SetupCommand.run(new String[] {"--validate", "--force"}, null, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(SetupConfig config, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = SetupCommand.run(args, config, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }

    private static SetupConfig config(TestDatabase database, InProcessKafkaBroker broker) {
        // Slots belong to the whole server: one of this database's own, dropped with it.
        String slot = database.name() + "_slot";
        return new SetupConfig(database.host(), database.port(), database.name(), database.user(), database.password(),
                broker.bootstrapServers(), (short) 1, slot, slot + "_publication",
                env("OPD_REDIS_HOST", "127.0.0.1"), Integer.parseInt(env("OPD_REDIS_PORT", "6379")));
    }

    private static long count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
