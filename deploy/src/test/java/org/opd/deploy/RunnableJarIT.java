package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.TestDatabase;

/**
 * The jar that {@code deploy/bin/run-local.sh} runs, started the way the script starts it: every
 * service answers healthy, and a stop (SIGTERM, as Ctrl-C) ends the process. Guards what the
 * classpath of {@link TokenLifeEndToEndIT} cannot see, such as a dependency the packaged jar lacks.
 */
class RunnableJarIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase database;
    private Process system;

    @AfterEach
    void stopAndCleanUp() throws InterruptedException {
        if (system != null && system.isAlive()) {
            system.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theRunnersJarStartsEveryServiceHealthyAndStopsOnSigterm() throws Exception {
        // Given the packaged jar, a fresh database and free ports
        database = TestDatabase.create();
        List<Integer> servicePorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", packagedJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "runnable-jar-it.log").toFile());
        builder.environment().putAll(Map.of(
                "OPD_PG_HOST", database.host(),
                "OPD_PG_PORT", Integer.toString(database.port()),
                "OPD_DB_NAME", database.name(),
                "OPD_PG_USER", database.user(),
                "OPD_DATA_DIR", dataDir.toString(),
                "OPD_KAFKA_PORT", Integer.toString(FreePorts.next()),
                "OPD_CDC_SLOT", "opd_jar_" + database.name()));
        builder.environment().putAll(Map.of(
                "OPD_ORCHESTRATOR_PORT", servicePorts.get(0).toString(),
                "OPD_ETA_PORT", servicePorts.get(1).toString(),
                "OPD_NOTIFIER_PORT", servicePorts.get(2).toString(),
                "OPD_CDC_PORT", servicePorts.get(3).toString()));

        // When it is started as run-local.sh starts it
        system = builder.start();

        // Then every service answers UP
        await().atMost(START_LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> !system.isAlive()
                || servicePorts.stream().allMatch(port -> health(port, "").contains("\"status\":\"UP\"")));
        assertThat(system.isAlive()).as("the runner is running (if not, see deploy/target/runnable-jar-it.log)").isTrue();
        // And answers the probes of deploy/k8s, open as health is
        for (int port : servicePorts) {
            assertThat(health(port, "/liveness")).as("liveness of :" + port).contains("\"status\":\"UP\"");
            assertThat(health(port, "/readiness")).as("readiness of :" + port).contains("\"status\":\"UP\"");
        }

        // And a stop ends the process
        system.destroy();
        assertThat(system.waitFor(60, TimeUnit.SECONDS)).as("the runner stopped within a minute").isTrue();
    }

    private String health(int port, String group) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health" + group)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The repackaged jar of this module (failsafe runs after the package phase). */
    private static Path packagedJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(Path.of("target"), "deploy-*.jar")) {
            candidates.forEach(jars::add);
        }
        assertThat(jars).as("the repackaged jar in deploy/target").hasSize(1);
        return jars.get(0);
    }

}
