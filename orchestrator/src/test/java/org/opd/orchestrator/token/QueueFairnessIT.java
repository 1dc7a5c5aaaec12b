package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fairness bound (default: emergencies 60 minutes' head start) under a stream of emergencies:
 * a normal token that has waited longer than the bound is no longer pushed back, one that has waited
 * less still is, and operators see both in the reorders (overtaken, held ahead).
 */
class QueueFairnessIT extends OrchestratorIntegrationTest {

    private static final int EMERGENCY = 3;

    @Test
    void aStreamOfEmergenciesPushesBackOnlyTheNormalTokensThatHaveWaitedLessThanTheBound() {
        // Given two normal tokens waiting, one checked in 61 minutes ago and one 30 minutes ago
        Clinic clinic = Clinic.open(api);
        String longWaiting = clinic.waitingToken(1);
        String shortWaiting = clinic.waitingToken(1);
        checkedInAgo(longWaiting, Duration.ofMinutes(61));
        checkedInAgo(shortWaiting, Duration.ofMinutes(30));

        // When five emergencies arrive one after another
        List<String> emergencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emergencies.add(clinic.waitingToken(EMERGENCY));
        }

        // Then the long-waiting one is still first, the emergencies next, the short-waiting one last
        List<String> expected = new ArrayList<>();
        expected.add(longWaiting);
        expected.addAll(emergencies);
        expected.add(shortWaiting);
        assertThat(clinic.seeInTurn(clinic.doctorId, 7)).containsExactlyElementsOf(expected);

        // And each emergency's reorder says it overtook the short-waiting token and the bound kept the other ahead
        JsonNode reorders = api.get("/doctors/" + clinic.doctorId + "/reorders?date=" + Clinic.today()).body();
        assertThat(reorders).extracting(r -> r.path("tokenId").asText()).containsExactlyElementsOf(emergencies);
        for (JsonNode reorder : reorders) {
            assertThat(reorder.path("reason").asText()).isEqualTo("PRIORITY");
            assertThat(texts(reorder.path("overtakenTokenIds"))).containsExactly(shortWaiting);
            assertThat(texts(reorder.path("heldAheadTokenIds"))).containsExactly(longWaiting);
        }
    }

    /** Time travel for the Given: the normal token checked in that long ago, and took its place then. */
    private void checkedInAgo(String tokenId, Duration ago) {
        Timestamp then = Timestamp.from(Instant.now().minus(ago));
        jdbc.sql("UPDATE tokens SET check_in_time = :then, line_place_at = :then WHERE token_id = :id::uuid")
                .param("then", then).param("id", tokenId).update();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
