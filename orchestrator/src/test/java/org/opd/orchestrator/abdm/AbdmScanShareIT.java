package org.opd.orchestrator.abdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opd.orchestrator.abdm.GatewayShares.abhaNumber;
import static org.opd.orchestrator.abdm.GatewayShares.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.abdm.GatewayShares.Reply;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.Parallel;

import com.fasterxml.jackson.databind.JsonNode;

class AbdmScanShareIT extends AbdmIntegrationTest {

    @Test
    void aSharedProfileGetsOneRealTokenHoweverOftenItIsReplayed() {
        // Given a cardiology counter set up for Scan & Share
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String abha = abhaNumber();
        String requestId = UUID.randomUUID().toString();

        // When the gateway shares a new patient's profile, then delivers it again, then the patient scans again
        Reply first = gateway.share(hipId, profile(requestId, abha, "Kavya Menon", "9800000055"));
        Reply replay = gateway.share(hipId, profile(requestId, abha, "Kavya Menon", "9800000055"));
        Reply rescan = gateway.share(hipId, profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000055"));

        // Then the acknowledgement carries the token number, the same every time
        assertThat(first.status()).isEqualTo(202);
        JsonNode ack = first.body().path("acknowledgement");
        assertThat(ack.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(ack.path("tokenNumber").asText()).startsWith("CARD-");
        assertThat(ack.path("expiry").asText()).isEqualTo("1800");
        assertThat(first.body().path("resp").path("requestId").asText()).isEqualTo(requestId);
        assertThat(replay.body().path("acknowledgement").path("tokenNumber").asText()).isEqualTo(ack.path("tokenNumber").asText());
        assertThat(rescan.body().path("acknowledgement").path("tokenNumber").asText()).isEqualTo(ack.path("tokenNumber").asText());

        // And it is one real token in the department's queue, of a patient registered with the ABHA number
        List<UUID> tokenIds = jdbc.sql("""
                        SELECT t.token_id FROM tokens t JOIN patients p ON p.patient_id = t.patient_id
                        WHERE p.abha_number = :abha AND t.dept_id = :d""")
                .param("abha", abha).param("d", UUID.fromString(clinic.deptId)).query(UUID.class).list();
        assertThat(tokenIds).hasSize(1);
        Api.Reply token = api.get("/tokens/" + tokenIds.get(0));
        assertThat(token.text("tokenNumber")).isEqualTo(ack.path("tokenNumber").asText());
        assertThat(token.text("status")).isEqualTo("BOOKED");
        assertThat(token.text("doctorId")).isEqualTo(clinic.doctorId);
        JsonNode patient = api.get("/patients/" + token.text("patientId")).body();
        assertThat(patient.path("phone").asText()).isEqualTo("+919800000055");
        assertThat(patient.path("uhid").asText()).isEqualTo("ABHA-" + abha);
    }

    @Test
    void sharesArrivingTogetherForOnePatientIssueOneToken() throws Exception {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String abha = abhaNumber();
        List<Callable<Reply>> scans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000058");
            scans.add(() -> gateway.share(hipId, body));
        }

        List<Reply> replies = Parallel.run(scans);

        assertThat(replies).extracting(Reply::status).containsOnly(202);
        assertThat(replies).extracting(r -> r.body().path("acknowledgement").path("tokenNumber").asText()).hasSize(4)
                .containsOnly(replies.get(0).body().path("acknowledgement").path("tokenNumber").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aRegisteredPatientIsMatchedByPhoneAndNameAndKeepsTheirRecord() {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String patientId = clinic.patient("Meera Iyer", "+919800000001");
        String abha = abhaNumber();

        Reply shared = gateway.share(hipId, profile(UUID.randomUUID().toString(), abha, "Meera  Iyer", "09800000001"));

        assertThat(shared.status()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT abha_number FROM patients WHERE patient_id = :p").param("p", UUID.fromString(patientId))
                .query(String.class).single()).isEqualTo(abha);
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE patient_id = :p").param("p", UUID.fromString(patientId))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void refusesACallNotSignedByTheGatewayAndIssuesNothing() {
        Clinic clinic = Clinic.open(api);
        String hipId = gateway.counter(clinic);
        String abha = abhaNumber();
        String body = profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000056");

        List<Integer> statuses = List.of(
                gateway.share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).signedWithUnknownKey().sign(), hipId, body).status(),
                gateway.share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).expired().sign(), hipId, body).status(),
                gateway.share(ABDM_GATEWAY.token().claim("clientId", "some-other-client").sign(), hipId, body).status(),
                gateway.share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).tampered("clientId", ABDM_GATEWAY_CLIENT + "x"), hipId, body).status(),
                // A token the API itself trusts is no gateway token.
                gateway.share(HOSPITAL_IDP.token().claim("clientId", ABDM_GATEWAY_CLIENT).sign(), hipId, body).status(),
                gateway.share("", hipId, body).status());

        assertThat(statuses).containsOnly(401);
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM patients WHERE abha_number = :a").param("a", abha).query(Long.class).single()).isZero();
    }

    @Test
    void aShareForACounterNotSetUpIsRefusedAsNotFound() {
        Reply shared = gateway.share("IN-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8),
                profile(UUID.randomUUID().toString(), abhaNumber(), "Kavya Menon", "9800000057"));

        assertThat(shared.status()).isEqualTo(404);
        assertThat(shared.body().path("type").asText()).endsWith("not-found");
    }
}
