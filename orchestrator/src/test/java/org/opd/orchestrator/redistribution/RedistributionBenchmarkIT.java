package org.opd.orchestrator.redistribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

/**
 * Preview and apply for 200 affected tokens across 10 colleagues, through the HTTP API on the real
 * PostgreSQL. Runs only when asked ({@code -Dopd.redistribution.benchmark=true}); the figures land in
 * {@code orchestrator/target/redistribution-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "opd.redistribution.benchmark", matches = "true")
class RedistributionBenchmarkIT extends OrchestratorIntegrationTest {

    private static final int AFFECTED = 200;
    private static final int COLLEAGUES = 10;
    private static final int PREVIEWS = 7;

    @Test
    void previewAndApplyFor200TokensAcross10Doctors() throws IOException {
        // Given a doctor with 200 patients waiting and 10 colleagues with 5 each and room for 25 more
        Clinic clinic = Clinic.open(api);
        api.put("/departments/" + clinic.deptId + "/settings", Map.of("name", "Cardiology", "avgConsultationMinutes", 15,
                "bufferMinutes", Clinic.DEPT_BUFFER_MINUTES, "maxTokensPerDay", 9_999, "colorCode", "#C0392B", "priorityLevel", 1));
        api.put("/doctors/" + clinic.doctorId + "/settings", Map.of("specialization", "Cardiology",
                "avgConsultationMinutes", Clinic.DOCTOR_AVG_MINUTES, "maxTokensPerSession", 500));
        LeaveScenario scenario = new LeaveScenario(api, clinic);
        List<LeaveScenario.Colleague> colleagues = new ArrayList<>();
        for (int i = 0; i < COLLEAGUES; i++) {
            colleagues.add(scenario.colleague("Dr. D" + i, 8 + i, 30));
        }
        for (int i = 0; i < AFFECTED; i++) {
            scenario.waiting(clinic.doctorId);
        }
        for (LeaveScenario.Colleague colleague : colleagues) {
            for (int i = 0; i < 5; i++) {
                scenario.waiting(colleague.doctorId());
            }
        }
        String exceptionId = scenario.leave();
        Api head = scenario.head();
        head.post("/schedule-exceptions/" + exceptionId + "/approve");

        // When the plan is previewed several times, then applied once
        List<Long> previewMillis = new ArrayList<>();
        Api.Reply preview = null;
        for (int i = 0; i < PREVIEWS; i++) {
            long start = System.nanoTime();
            preview = head.get("/schedule-exceptions/" + exceptionId + "/redistribution/preview");
            previewMillis.add((System.nanoTime() - start) / 1_000_000);
        }
        long start = System.nanoTime();
        Api.Reply applied = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", preview.text("planVersion")));
        long applyMillis = (System.nanoTime() - start) / 1_000_000;

        // Then every token was handled
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().path("moves").size()).isEqualTo(AFFECTED);
        List<Long> sorted = previewMillis.stream().sorted().toList();
        String report = """
                redistribution benchmark: %d affected tokens, %d colleagues (room 25 each), %d moved, %d unplaced
                preview: median %d ms, min %d ms, max %d ms over %d runs
                apply: %d ms (%.1f ms per token)
                load average at the end: %s
                """.formatted(AFFECTED, COLLEAGUES, preview.body().path("moves").size(), preview.body().path("unplaced").size(),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), PREVIEWS, applyMillis,
                (double) applyMillis / AFFECTED, Files.readString(Path.of("/proc/loadavg")).trim());
        Files.writeString(Path.of("target/redistribution-benchmark.txt"), report);
        System.out.println(report);
    }
}
