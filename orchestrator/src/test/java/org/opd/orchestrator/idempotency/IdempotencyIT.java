package org.opd.orchestrator.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class IdempotencyIT extends OrchestratorIntegrationTest {

    @Test
    void aRetriedTokenRequestGetsTheFirstAnswerAndIssuesNothingMore() {
        // Given a token request sent once with a key
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, Clinic.today());
        HttpHeaders key = key();
        Api.Reply first = api.post("/tokens", request, key);

        // When the client, unsure it arrived, sends it again with the same key
        Api.Reply retry = api.post("/tokens", request, key);

        // Then the retry gets the same 201, body and Location, marked as replayed
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();

        // And only one token, one number, one history row and one event exist
        assertThat(count("SELECT count(*) FROM tokens WHERE dept_id = :id::uuid", clinic.deptId)).isEqualTo(1);
        assertThat(count("SELECT last_number FROM token_sequences WHERE dept_id = :id::uuid", clinic.deptId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregatetype = 'token-events' AND aggregateid = :id", clinic.doctorId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM token_history WHERE token_id = :id::uuid", first.text("tokenId")))
                .isEqualTo(1);
    }

    @Test
    void aRetriedMoveReturnsTheFirstAnswerInsteadOfAnIllegalTransition() {
        // Given a booked token checked in with a key
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        Map<String, Double> here = Map.of("latitude", Clinic.LATITUDE, "longitude", Clinic.LONGITUDE);
        HttpHeaders key = key();
        Api.Reply first = api.post("/tokens/" + tokenId + "/check-in", here, key);

        // When the kiosk retries the same check-in
        Api.Reply retry = api.post("/tokens/" + tokenId + "/check-in", here, key);

        // Then it is told the check-in happened, and it happened once
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getETag()).isEqualTo(first.headers().getETag()).isEqualTo("\"1\"");
        assertThat(count("SELECT count(*) FROM token_history WHERE token_id = :id::uuid AND new_status = 'CHECKED_IN'",
                tokenId)).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyForAnotherRequestWith422AndChangesNothing() {
        // Given a key used to issue a token for one patient
        Clinic clinic = Clinic.open(api);
        HttpHeaders key = key();
        api.post("/tokens", clinic.issueRequest(clinic.patient(), 1, Clinic.today()), key);

        // When the same key comes with a request for another patient
        Api.Reply refused = api.post("/tokens", clinic.issueRequest(clinic.patient(), 2, Clinic.today()), key);

        // Then it is a 422 problem naming the header, and no second token exists
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:idempotency-key-reused");
        assertThat(refused.text("field")).isEqualTo("Idempotency-Key");
        assertThat(count("SELECT count(*) FROM tokens WHERE dept_id = :id::uuid", clinic.deptId)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyIssueOneToken() throws Exception {
        // Given one request that a flaky network delivers ten times at once
        Clinic clinic = Clinic.open(api);
        Map<String, Object> request = clinic.issueRequest(clinic.patient(), 1, Clinic.today());
        HttpHeaders key = key();
        CyclicBarrier together = new CyclicBarrier(10);

        // When all ten arrive together
        List<Api.Reply> replies = Parallel.run(Collections.nCopies(10, (Callable<Api.Reply>) () -> {
            together.await();
            return api.post("/tokens", request, key);
        }));

        // Then all ten get the same token, and one exists
        assertThat(replies).extracting(Api.Reply::status).containsOnly(201);
        assertThat(replies).extracting(reply -> reply.text("tokenId")).containsOnly(replies.get(0).text("tokenId"));
        assertThat(count("SELECT count(*) FROM tokens WHERE dept_id = :id::uuid", clinic.deptId)).isEqualTo(1);
    }

    @Test
    void keepsNoKeyForARefusedRequestSoTheCorrectedRetryRuns() {
        // Given a token request refused for a day without a shift, sent with a key
        Clinic clinic = Clinic.open(api);
        String patientId = clinic.patient();
        HttpHeaders key = key();
        Api.Reply refused = api.post("/tokens", clinic.issueRequest(patientId, 1, Clinic.today().plusDays(3)), key);

        // When the doctor gets a shift that day and the same request is retried with the same key
        clinic.shift(Clinic.today().plusDays(3));
        Api.Reply retried = api.post("/tokens", clinic.issueRequest(patientId, 1, Clinic.today().plusDays(3)), key);

        // Then the first was refused and kept nothing, and the retry issued the token
        assertThat(refused.status()).isEqualTo(422);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void coversMasterDataToo() {
        HttpHeaders key = key();
        Map<String, Object> hospital = Map.of("name", "Key Hospital", "address", "4 Key Road", "latitude", 12.9,
                "longitude", 77.6);

        Api.Reply first = api.post("/hospitals", hospital, key);
        Api.Reply retry = api.post("/hospitals", hospital, key);

        assertThat(retry.text("hospitalId")).isEqualTo(first.text("hospitalId"));
        assertThat(count("SELECT count(*) FROM hospitals WHERE hospital_id = :id::uuid", first.text("hospitalId")))
                .isEqualTo(1);
    }

    @Test
    void refusesAKeyLongerThan255CharactersAsInvalidInput() {
        Api.Reply reply = api.post("/hospitals", Map.of("name", "X"), Api.headers("Idempotency-Key", "k".repeat(256)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:validation");
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    private static HttpHeaders key() {
        return Api.headers("Idempotency-Key", UUID.randomUUID().toString());
    }

    private int count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
