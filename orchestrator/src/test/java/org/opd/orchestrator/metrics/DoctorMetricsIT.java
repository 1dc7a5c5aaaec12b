package org.opd.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The daily doctor metrics through the job and the API, from a morning played through the token API. */
class DoctorMetricsIT extends OrchestratorIntegrationTest {

    @Autowired
    DailyDoctorMetrics job;

    @Test
    void theJobStoresTheDaysFiguresAndTheApiShowsThem() {
        // Given a doctor who saw one patient, a patient who did not come, one cancelled and one still waiting
        Clinic clinic = Clinic.open(api);
        clinic.waitingToken(1);
        String absent = clinic.waitingToken(1);
        clinic.waitingToken(1);
        String cancelled = clinic.token(1).get("tokenId").asText();
        clinic.seeInTurn(clinic.doctorId, 1);
        api.post("/tokens/" + absent + "/no-show", Map.of("reason", "Not in the waiting room"));
        api.post("/tokens/" + cancelled + "/cancel", Map.of("reason", "Patient called to cancel"));

        // When the job runs
        job.refresh();

        // Then the API shows the day's row
        Api.Reply reply = api.get("/doctors/" + clinic.doctorId + "/metrics?date=" + Clinic.today());
        assertThat(reply.status()).as("metrics: %s", reply.body()).isEqualTo(200);
        JsonNode metrics = reply.body();
        assertThat(metrics.path("tokensScheduled").asInt()).isEqualTo(3);
        assertThat(metrics.path("tokensCompleted").asInt()).isEqualTo(1);
        assertThat(metrics.path("tokensNoShow").asInt()).isEqualTo(1);
        assertThat(metrics.path("avgConsultationMinutes").isNull()).isFalse();
        assertThat(metrics.path("lastPatientTime").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT tokens_completed FROM doctor_performance_metrics WHERE doctor_id = :d::uuid")
                .param("d", clinic.doctorId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDayNotComputedAndAnUnknownDoctorAreProblems() {
        Clinic clinic = Clinic.open(api);

        Api.Reply notComputed = api.get("/doctors/" + clinic.doctorId + "/metrics?date=" + Clinic.today().minusYears(1));
        Api.Reply unknown = api.get("/doctors/" + UUID.randomUUID() + "/metrics?date=" + Clinic.today());
        Api.Reply badDate = api.get("/doctors/" + clinic.doctorId + "/metrics?date=yesterday");

        assertThat(notComputed.status()).isEqualTo(404);
        assertThat(notComputed.text("type")).isEqualTo("urn:opd:problem:metrics-not-computed");
        assertThat(unknown.status()).isIn(403, 404);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").get(0).path("field").asText()).isEqualTo("date");
    }
}
