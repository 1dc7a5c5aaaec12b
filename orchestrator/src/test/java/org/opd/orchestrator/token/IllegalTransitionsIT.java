package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.schemas.token.TokenStatus;

/** Every move the state machine refuses, through the API on a token really in that status. */
class IllegalTransitionsIT extends OrchestratorIntegrationTest {

    /** Each move of the API, named by the status it leads to. */
    enum Move {
        CHECK_IN(TokenStatus.CHECKED_IN, "check-in", Map.of("latitude", Clinic.LATITUDE, "longitude", Clinic.LONGITUDE)),
        WAIT(TokenStatus.WAITING, "wait", null),
        START(TokenStatus.IN_CONSULTATION, "start", null),
        COMPLETE(TokenStatus.COMPLETED, "complete", null),
        NO_SHOW(TokenStatus.NO_SHOW, "no-show", Map.of("reason", "Not there")),
        CANCEL(TokenStatus.CANCELLED, "cancel", Map.of("reason", "Asked to")),
        RESCHEDULE(TokenStatus.RESCHEDULED, "reschedule", Map.of("scheduledTime", Clinic.noon(Clinic.today()).toString()));

        final TokenStatus target;
        final String path;
        final Map<String, ?> body;

        Move(TokenStatus target, String path, Map<String, ?> body) {
            this.target = target;
            this.path = path;
            this.body = body;
        }
    }

    static Stream<Arguments> everyRefusedMove() {
        return Arrays.stream(TokenStatus.values())
                .flatMap(from -> Arrays.stream(Move.values())
                        .filter(move -> !from.canMoveTo(move.target))
                        .map(move -> Arguments.of(from, move)));
    }

    @ParameterizedTest(name = "{0} --{1}--> 409")
    @MethodSource("everyRefusedMove")
    void refusesTheMoveWith409NamingTheStatusAndWritesNothing(TokenStatus from, Move move) {
        // Given a token brought through the API into the status
        Clinic clinic = Clinic.open(api);
        String tokenId = tokenIn(clinic, from);
        long historyBefore = count("SELECT count(*) FROM token_history WHERE token_id = :id::uuid", tokenId);
        long eventsBefore = count("SELECT count(*) FROM outbox WHERE payload->>'tokenId' = :id", tokenId);
        long tokensBefore = count("SELECT count(*) FROM tokens WHERE patient_id = (SELECT patient_id FROM tokens WHERE token_id = :id::uuid)", tokenId);

        // When the refused move is asked for
        String path = "/tokens/" + tokenId + "/" + move.path;
        Api.Reply refused = move.body == null ? api.post(path) : api.post(path, move.body);

        // Then it is a 409 illegal-transition naming the current status, and nothing was written
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:illegal-transition");
        assertThat(refused.text("currentStatus")).isEqualTo(from.name());
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo(from.name());
        assertThat(count("SELECT count(*) FROM token_history WHERE token_id = :id::uuid", tokenId)).isEqualTo(historyBefore);
        assertThat(count("SELECT count(*) FROM outbox WHERE payload->>'tokenId' = :id", tokenId)).isEqualTo(eventsBefore);
        assertThat(count("SELECT count(*) FROM tokens WHERE patient_id = (SELECT patient_id FROM tokens WHERE token_id = :id::uuid)", tokenId))
                .isEqualTo(tokensBefore);
    }

    private String tokenIn(Clinic clinic, TokenStatus status) {
        String tokenId = clinic.token(1).get("tokenId").asText();
        switch (status) {
            case BOOKED -> { }
            case CHECKED_IN -> ok(clinic.checkIn(tokenId));
            case WAITING -> toWaiting(clinic, tokenId);
            case IN_CONSULTATION -> toConsultation(clinic, tokenId);
            case COMPLETED -> {
                toConsultation(clinic, tokenId);
                ok(api.post("/tokens/" + tokenId + "/complete"));
            }
            case NO_SHOW -> ok(api.post("/tokens/" + tokenId + "/no-show", Map.of("reason", "Not there")));
            case CANCELLED -> ok(api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Asked to")));
            case RESCHEDULED -> {
                Api.Reply rescheduled = api.post("/tokens/" + tokenId + "/reschedule",
                        Map.of("scheduledTime", Clinic.noon(Clinic.today()).toString()));
                assertThat(rescheduled.status()).isEqualTo(201);
            }
        }
        return tokenId;
    }

    private void toWaiting(Clinic clinic, String tokenId) {
        ok(clinic.checkIn(tokenId));
        ok(api.post("/tokens/" + tokenId + "/wait"));
    }

    private void toConsultation(Clinic clinic, String tokenId) {
        toWaiting(clinic, tokenId);
        ok(api.post("/doctors/" + clinic.doctorId + "/call-next"));
        ok(api.post("/tokens/" + tokenId + "/start"));
    }

    private static void ok(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    }

    private long count(String sql, String tokenId) {
        return jdbc.sql(sql).param("id", tokenId).query(Long.class).single();
    }
}
