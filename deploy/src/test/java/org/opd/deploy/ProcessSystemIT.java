package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The second run mode: each service its own process, several instances of the eta-calculator and the notifier.
 * The smoke (default suite) drives a patient into the line and to their message across the processes; the fault
 * run ({@code -Dopd.fault-run=true}) kills one instance after another with {@code kill -9} and measures how long
 * the line and the messages take to move again.
 */
class ProcessSystemIT {

    /** The surviving instances take the dead one's partitions once the group notices it is gone (its session ends). */
    private static final Duration TAKE_OVER_WITHIN = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    @Test
    void servicesRunAsProcessesOfTheirOwnAndTogetherMoveAPatientToTheirMessage() {
        try (RunningSystem system = RunningSystem.inProcesses(dataDir, 2, 1)) {
            // Given the system as processes: orchestrator, cdc-connector, two eta-calculators and a notifier
            assertThat(system.processes().serviceNames())
                    .containsExactly("orchestrator", "cdc-connector", "eta-calculator-1", "eta-calculator-2", "notifier-1");

            // When a patient is issued a token and joins the line
            RunningSystem.Clinic clinic = system.openClinic();
            String token = clinic.token("Meera Iyer", "+919812340201");
            clinic.arrive(token);

            // Then the live line (the eta-calculators' projection) shows them, and the notifier's SMS reached them
            await().atMost(Duration.ofSeconds(60)).until(() -> waiting(system, clinic).contains(token));
            await().atMost(Duration.ofSeconds(60)).until(() -> !system.smsTo("+919812340201").isEmpty());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "opd.fault-run", matches = "true")
    void eachInstanceKilledInTurnTheOthersTakeOverAndNothingIsLostOrSentTwice() throws IOException {
        List<String> report = new ArrayList<>();
        try (RunningSystem system = RunningSystem.inProcesses(dataDir, 2, 2)) {
            RunningSystem.Clinic clinic = system.openClinic();
            List<String> phones = new ArrayList<>();
            int patient = 0;
            for (String victim : List.of("eta-calculator-1", "eta-calculator-2", "notifier-1", "notifier-2", "cdc-connector")) {
                // Given a patient in line, seen by the line and messaged
                String phone = "+9198123403" + String.format("%02d", patient++);
                phones.add(phone);
                String before = clinic.token("Patient " + patient, phone);
                clinic.arrive(before);
                await().atMost(TAKE_OVER_WITHIN).until(() -> waiting(system, clinic).contains(before));

                // When one instance is killed and the next patient arrives (the connector, alone of its kind, is
                // started again at once: until then nothing is captured, by design)
                system.processes().kill(victim);
                long killedAt = System.nanoTime();
                double restartSeconds = Double.NaN;
                if (victim.equals("cdc-connector")) {
                    restartSeconds = restart(system, victim);
                }
                String nextPhone = "+9198123403" + String.format("%02d", patient++);
                phones.add(nextPhone);
                String after = clinic.token("Patient " + patient, nextPhone);
                clinic.arrive(after);

                // Then the line shows the new patient and the message reaches them, through the instances left
                await().atMost(TAKE_OVER_WITHIN).until(() -> waiting(system, clinic).contains(after));
                double lineSeconds = (System.nanoTime() - killedAt) / 1e9;
                await().atMost(TAKE_OVER_WITHIN).until(() -> !system.smsTo(nextPhone).isEmpty());
                double messageSeconds = (System.nanoTime() - killedAt) / 1e9;

                // And the killed instance starts again
                if (Double.isNaN(restartSeconds)) {
                    restartSeconds = restart(system, victim);
                }
                report.add("%s killed: line moved after %.1f s, message after %.1f s (from the kill); restart to ready %.1f s"
                        .formatted(victim, lineSeconds, messageSeconds, restartSeconds));
            }
            // Nobody got their "token created" message twice, however the instances died
            for (String phone : phones) {
                await().atMost(TAKE_OVER_WITHIN).until(() -> !system.smsTo(phone).isEmpty());
                assertThat(system.smsTo(phone).stream().filter(body -> body.startsWith("Your OPD token is")).count())
                        .as("messages to %s: %s", phone, system.smsTo(phone)).isEqualTo(1);
            }
        } finally {
            report.add("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
            Files.write(Path.of("target/fault-run.txt"), report);
            report.forEach(System.out::println);
        }
    }

    private static double restart(RunningSystem system, String service) {
        long start = System.nanoTime();
        system.processes().restart(service);
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> waiting(RunningSystem system, RunningSystem.Clinic clinic) {
        List<String> ids = new ArrayList<>();
        JsonNode queue = system.get(clinic.desk, "/doctors/" + clinic.doctorId + "/queue");
        queue.path("waiting").forEach(token -> ids.add(token.path("tokenId").asText()));
        return ids;
    }
}
