package org.opd.orchestrator.abdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opd.orchestrator.abdm.GatewayShares.abhaNumber;
import static org.opd.orchestrator.abdm.GatewayShares.profile;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opd.orchestrator.abdm.GatewayShares.Reply;
import org.opd.orchestrator.support.Clinic;
import org.opd.testsupport.LocalAbdmGatewayServer.OnShareAttempt;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The facility's answer to the gateway: after the 202, an on-share on the gateway's API (the local
 * stand-in, {@code ABDM_GATEWAY_API}) with the token number, a session token fetched once for the run,
 * retried with back-off when the gateway fails (first wait 100 ms here, 4 attempts).
 */
class AbdmOnShareIT extends AbdmIntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Autowired
    private MeterRegistry meters;

    @Test
    void aShareIsAnsweredOnceOnTheGatewayWithItsTokenNumber() {
        // Given a Scan & Share counter
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String shareId = UUID.randomUUID().toString();

        // When the gateway shares a profile
        Reply accepted = gateway.share(hipId, profile(shareId, abhaNumber(), "Kavya Menon", "9800000061"));

        // Then it is accepted at once, and answered on the gateway with the token's number and the share's request id
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(shareId).size() == 1);
        OnShareAttempt onShare = ABDM_GATEWAY_API.onSharesFor(shareId).get(0);
        JsonNode body = onShare.body();
        assertThat(onShare.tokenNumber()).isEqualTo(tokenNumberOfDepartment(clinic)).startsWith("CARD-");
        assertThat(body.path("acknowledgement").path("status").asText()).isEqualTo("SUCCESS");
        assertThat(body.path("acknowledgement").path("healthId").asText()).isEqualTo("kavya@sbx");
        assertThat(body.path("resp").path("requestId").asText()).isEqualTo(shareId);
        assertThat(body.path("requestId").asText()).isNotEqualTo(shareId).isEqualTo(accepted.body().path("requestId").asText());
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(body.has("error")).isTrue();
        assertThat(body.path("error").isNull()).isTrue();
        // With the session token the gateway issued and the consent manager's id
        assertThat(ABDM_GATEWAY_API.sessionsIssued()).hasSize(1);
        assertThat(onShare.authorization()).isEqualTo("Bearer " + ABDM_GATEWAY_API.sessionsIssued().get(0));
        assertThat(onShare.cmId()).isEqualTo(ABDM_CM_ID);
        // And exactly once
        assertThat(ABDM_GATEWAY_API.onShareAttemptsFor(shareId)).hasSize(1);
    }

    @Test
    void aReplayedShareIsAnsweredAgainWithTheSameTokenNumberAndTheSameSession() {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String shareId = UUID.randomUUID().toString();
        String body = profile(shareId, abhaNumber(), "Kavya Menon", "9800000062");
        gateway.share(hipId, body);
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(shareId).size() == 1);

        Reply replay = gateway.share(hipId, body);

        assertThat(replay.status()).isEqualTo(202);
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(shareId).size() == 2);
        List<OnShareAttempt> onShares = ABDM_GATEWAY_API.onSharesFor(shareId);
        assertThat(onShares).extracting(OnShareAttempt::tokenNumber).containsOnly(tokenNumberOfDepartment(clinic));
        assertThat(onShares).extracting(a -> a.body().path("requestId").asText()).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(ABDM_GATEWAY_API.sessionsIssued()).hasSize(1);
        assertThat(onShares).extracting(OnShareAttempt::authorization).containsOnly("Bearer " + ABDM_GATEWAY_API.sessionsIssued().get(0));
    }

    @Test
    void anOnShareTheGatewayFailsTwiceIsDeliveredOnTheThirdAttempt() {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String shareId = UUID.randomUUID().toString();
        ABDM_GATEWAY_API.failOnSharesFor(shareId, 2, 503);
        double retriedBefore = attempts("RETRIED");
        double deliveredBefore = attempts("DELIVERED");

        Reply accepted = gateway.share(hipId, profile(shareId, abhaNumber(), "Kavya Menon", "9800000063"));

        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(shareId).size() == 1);
        List<OnShareAttempt> attempts = ABDM_GATEWAY_API.onShareAttemptsFor(shareId);
        assertThat(attempts).extracting(OnShareAttempt::status).containsExactly(503, 503, 202);
        assertThat(attempts).extracting(OnShareAttempt::tokenNumber).containsOnly(tokenNumberOfDepartment(clinic));
        // Waiting 100 ms, then twice as long
        assertThat(Duration.between(attempts.get(0).arrivedAt(), attempts.get(1).arrivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).arrivedAt(), attempts.get(2).arrivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(attempts("RETRIED") - retriedBefore).isEqualTo(2.0);
            assertThat(attempts("DELIVERED") - deliveredBefore).isEqualTo(1.0);
        });
    }

    /** A server error is tried the 4 times configured; a refusal of the message itself (400) only once. */
    @ParameterizedTest
    @CsvSource({"500, 4", "400, 1"})
    void anOnShareTheGatewayKeepsRefusingIsGivenUpAndCounted(int status, int expectedAttempts) {
        String hipId = gateway.counter(Clinic.open(api));
        String shareId = UUID.randomUUID().toString();
        ABDM_GATEWAY_API.failOnSharesFor(shareId, 5, status);
        double failedBefore = attempts("FAILED");

        gateway.share(hipId, profile(shareId, abhaNumber(), "Kavya Menon", "9800000064"));

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(attempts("FAILED") - failedBefore).isEqualTo(1.0));
        assertThat(ABDM_GATEWAY_API.onShareAttemptsFor(shareId)).extracting(OnShareAttempt::status)
                .containsExactlyElementsOf(Collections.nCopies(expectedAttempts, status));
    }

    @Test
    void aShareWithoutTheAbhaAddressIsRefusedNamingItAndAnsweredNothingOnTheGateway() {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String badId = UUID.randomUUID().toString();
        String bad = GatewayShares.json(Map.of("requestId", badId, "timestamp", "2026-12-04T08:00:00.000Z",
                "profile", Map.of("hipCode", "OPD-CARD", "patient", Map.of("healthIdNumber", abhaNumber(), "name", "Kavya Menon",
                        "gender", "F", "yearOfBirth", 1990, "identifiers", List.of(Map.of("type", "MOBILE", "value", "9800000065"))))));

        Reply refused = gateway.share(hipId, bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("profile.patient.healthId");
        // A good share sent after it is answered, the bad one never was
        String goodId = UUID.randomUUID().toString();
        gateway.share(hipId, profile(goodId, abhaNumber(), "Kavya Menon", "9800000066"));
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(goodId).size() == 1);
        assertThat(ABDM_GATEWAY_API.onShareAttemptsFor(badId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aShareForACounterNotSetUpIsAnsweredNothingOnTheGateway() {
        String hipId = gateway.counter(Clinic.open(api));
        String unknownId = UUID.randomUUID().toString();

        Reply refused = gateway.share("IN-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8),
                profile(unknownId, abhaNumber(), "Kavya Menon", "9800000067"));

        assertThat(refused.status()).isEqualTo(404);
        String goodId = UUID.randomUUID().toString();
        gateway.share(hipId, profile(goodId, abhaNumber(), "Kavya Menon", "9800000068"));
        await().atMost(DELIVERY).until(() -> ABDM_GATEWAY_API.onSharesFor(goodId).size() == 1);
        assertThat(ABDM_GATEWAY_API.onShareAttemptsFor(unknownId)).isEmpty();
    }

    private String tokenNumberOfDepartment(Clinic clinic) {
        return jdbc.sql("SELECT token_number FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(String.class).single();
    }

    private double attempts(String outcome) {
        return meters.counter("opd.abdm.on-share-attempts", "outcome", outcome).count();
    }
}
