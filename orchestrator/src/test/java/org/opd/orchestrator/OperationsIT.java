package org.opd.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OperationsIT extends OrchestratorIntegrationTest {

    private static final Pattern REPLAYED =
            Pattern.compile("opd_idempotency_retries_total\\{[^}]*outcome=\"replayed\"[^}]*} (\\S+)");
    private static final Pattern ISSUED = Pattern.compile("opd_token_transitions_total\\{[^}]*type=\"TOKEN_ISSUED\"[^}]*} (\\S+)");

    @Test
    void reportsHealthIncludingTheDatabaseAndRedis() throws Exception {
        JsonNode health = new ObjectMapper().readTree(rest.getForObject("/actuator/health", String.class));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("tokenStorage").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("tokenStorage").path("details").path("nextMonth").asBoolean()).isTrue();
    }

    @Test
    void countsTokenTransitionsByTypeInPrometheus() {
        // Given the count of issued tokens so far
        double before = issuedCount();

        // When two tokens are issued and one is refused a move
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        clinic.token(1);
        api.post("/tokens/" + tokenId + "/complete");

        // Then the counter grew by the two accepted issues only
        assertThat(issuedCount()).isEqualTo(before + 2);
    }

    @Test
    void countsIdempotentReplaysInPrometheus() {
        // Given the count of replays so far
        double before = replayCount();

        // When one token request is sent three times with one key
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, Clinic.today());
        HttpHeaders key = Api.headers("Idempotency-Key", UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            api.post("/tokens", request, key);
        }

        // Then the second and third were replays
        assertThat(replayCount()).isEqualTo(before + 2);
    }

    private double replayCount() {
        String metrics = prometheus();
        Matcher matcher = REPLAYED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private double issuedCount() {
        String metrics = prometheus();
        Matcher matcher = ISSUED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
