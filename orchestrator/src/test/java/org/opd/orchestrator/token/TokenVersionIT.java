package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;

class TokenVersionIT extends OrchestratorIntegrationTest {

    @Test
    void showsTheVersionAsETagAndCountsItUpWithEachMove() {
        Clinic clinic = Clinic.open(api);
        Api.Reply issued = clinic.issue(clinic.patient(), 1, Clinic.today());
        String tokenId = issued.text("tokenId");

        Api.Reply checkedIn = clinic.checkIn(tokenId);

        assertThat(issued.body().path("version").asLong()).isZero();
        assertThat(issued.headers().getETag()).isEqualTo("\"0\"");
        assertThat(checkedIn.body().path("version").asLong()).isEqualTo(1);
        assertThat(checkedIn.headers().getETag()).isEqualTo("\"1\"");
        assertThat(api.get("/tokens/" + tokenId).headers().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void refusesAMoveOnAStaleVersionWith409AndChangesNothing() {
        // Given a checked-in token (version 1) that one receptionist then marks waiting (version 2)
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        clinic.checkIn(tokenId);
        api.post("/tokens/" + tokenId + "/wait", null, Api.headers("If-Match", "\"1\""));

        // When a second receptionist, who still sees version 1, cancels it
        Api.Reply stale = api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Duplicate booking"),
                Api.headers("If-Match", "\"1\""));

        // Then the cancel is a 409 naming the current version and status, and the token is still waiting
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("urn:opd:problem:concurrent-modification");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.text("currentStatus")).isEqualTo("WAITING");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("WAITING");
        assertThat(jdbc.sql("SELECT count(*) FROM token_history WHERE token_id = :id::uuid").param("id", tokenId)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void twoReceptionistsActingOnOneTokenAtOnceGetOneSuccessAndOne409() throws Exception {
        // Given a checked-in token both receptionists see at version 1
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        clinic.checkIn(tokenId);
        CyclicBarrier together = new CyclicBarrier(2);

        // When one marks it waiting while the other cancels it, at the same moment
        List<Api.Reply> replies = Parallel.run(List.<Callable<Api.Reply>>of(
                () -> {
                    together.await();
                    return api.post("/tokens/" + tokenId + "/wait", null, Api.headers("If-Match", "\"1\""));
                },
                () -> {
                    together.await();
                    return api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Left the queue"),
                            Api.headers("If-Match", "\"1\""));
                }));

        // Then exactly one move is accepted and the other is told the token changed
        assertThat(replies).extracting(Api.Reply::status).containsExactlyInAnyOrder(200, 409);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).singleElement()
                .satisfies(reply -> assertThat(reply.text("type")).isEqualTo("urn:opd:problem:concurrent-modification"));
        assertThat(jdbc.sql("SELECT version FROM tokens WHERE token_id = :id::uuid").param("id", tokenId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"If-Match, yesterday", "If-Match, '\"-1'"})
    void refusesAHeaderOfTheWrongFormatNamingItAndChangesNothing(String header, String value) {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply reply = api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Test"), Api.headers(header, value));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:validation");
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo(header);
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
    }

    @Test
    void recordsWhoMadeEachMoveAndWhyAsTheCallersOfTheAccessTokens() {
        // Given two receptionists' credentials of the clinic's hospital
        Clinic clinic = Clinic.open(api);
        JsonNode first = receptionist(clinic);
        JsonNode second = receptionist(clinic);

        // When the first issues a token and the second cancels it
        String tokenId = api.as(api.callers().token(first)).post("/tokens", clinic.issueRequest(clinic.patient(), 1, Clinic.today()))
                .text("tokenId");
        api.as(api.callers().token(second)).post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Booked the wrong doctor"));

        // Then the history names each of them, with the reason
        assertThat(jdbc.sql("""
                        SELECT new_status || ' by ' || changed_by || ': ' || coalesce(change_reason, '-')
                        FROM token_history WHERE token_id = :id::uuid ORDER BY history_id
                        """).param("id", tokenId).query(String.class).list())
                .containsExactly("BOOKED by " + first.path("credentialId").asText() + ": -",
                        "CANCELLED by " + second.path("credentialId").asText() + ": Booked the wrong doctor");
    }

    private JsonNode receptionist(Clinic clinic) {
        return api.callers().issue(Map.of("kind", "INTEGRATION", "name", "Desk", "hospitalId", clinic.hospitalId,
                "roles", List.of("RECEPTIONIST")));
    }
}
