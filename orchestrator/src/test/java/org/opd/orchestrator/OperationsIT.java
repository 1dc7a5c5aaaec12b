package org.opd.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OperationsIT extends OrchestratorIntegrationTest {

    private static final Pattern ISSUED = Pattern.compile("opd_token_transitions_total\\{[^}]*type=\"TOKEN_ISSUED\"[^}]*} (\\S+)");

    @Test
    void reportsHealthIncludingTheDatabaseAndRedis() throws Exception {
        JsonNode health = new ObjectMapper().readTree(rest.getForObject("/actuator/health", String.class));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
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

    private double issuedCount() {
        String metrics = rest.getForObject("/actuator/prometheus", String.class);
        Matcher matcher = ISSUED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
