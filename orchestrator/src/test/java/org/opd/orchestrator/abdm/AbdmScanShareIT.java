package org.opd.orchestrator.abdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AbdmScanShareIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/abdm/v1.0/patients/profile/share";

    @Test
    void aSharedProfileGetsOneRealTokenHoweverOftenItIsReplayed() throws Exception {
        // Given a cardiology counter set up for Scan & Share
        Clinic clinic = Clinic.open(api);
        String hipId = counter(clinic);
        String abha = abhaNumber();
        String requestId = UUID.randomUUID().toString();

        // When the gateway shares a new patient's profile, then delivers it again, then the patient scans again
        Reply first = share(gatewayToken(), hipId, profile(requestId, abha, "Kavya Menon", "9800000055"));
        Reply replay = share(gatewayToken(), hipId, profile(requestId, abha, "Kavya Menon", "9800000055"));
        Reply rescan = share(gatewayToken(), hipId, profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000055"));

        // Then the acknowledgement carries the token number, the same every time
        assertThat(first.status()).isEqualTo(200);
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
        String hipId = counter(clinic);
        String abha = abhaNumber();
        List<Callable<Reply>> scans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000058");
            scans.add(() -> share(gatewayToken(), hipId, body));
        }

        List<Reply> replies = Parallel.run(scans);

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(r -> r.body().path("acknowledgement").path("tokenNumber").asText()).hasSize(4)
                .containsOnly(replies.get(0).body().path("acknowledgement").path("tokenNumber").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aRegisteredPatientIsMatchedByPhoneAndNameAndKeepsTheirRecord() throws Exception {
        Clinic clinic = Clinic.open(api);
        String hipId = counter(clinic);
        String patientId = clinic.patient("Meera Iyer", "+919800000001");
        String abha = abhaNumber();

        Reply shared = share(gatewayToken(), hipId, profile(UUID.randomUUID().toString(), abha, "Meera  Iyer", "09800000001"));

        assertThat(shared.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT abha_number FROM patients WHERE patient_id = :p").param("p", UUID.fromString(patientId))
                .query(String.class).single()).isEqualTo(abha);
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE patient_id = :p").param("p", UUID.fromString(patientId))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void refusesACallNotSignedByTheGatewayAndIssuesNothing() throws Exception {
        Clinic clinic = Clinic.open(api);
        String hipId = counter(clinic);
        String abha = abhaNumber();
        String body = profile(UUID.randomUUID().toString(), abha, "Kavya Menon", "9800000056");

        List<Integer> statuses = List.of(
                share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).signedWithUnknownKey().sign(), hipId, body).status(),
                share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).expired().sign(), hipId, body).status(),
                share(ABDM_GATEWAY.token().claim("clientId", "some-other-client").sign(), hipId, body).status(),
                share(ABDM_GATEWAY.token().claim("clientId", ABDM_GATEWAY_CLIENT).tampered("clientId", ABDM_GATEWAY_CLIENT + "x"), hipId, body).status(),
                // A token the API itself trusts is no gateway token.
                share(HOSPITAL_IDP.token().claim("clientId", ABDM_GATEWAY_CLIENT).sign(), hipId, body).status(),
                share("", hipId, body).status());

        assertThat(statuses).containsOnly(401);
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :d").param("d", UUID.fromString(clinic.deptId))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM patients WHERE abha_number = :a").param("a", abha).query(Long.class).single()).isZero();
    }

    @Test
    void aShareForACounterNotSetUpIsRefusedAsNotFound() throws Exception {
        Reply shared = share(gatewayToken(), "IN-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8),
                profile(UUID.randomUUID().toString(), abhaNumber(), "Kavya Menon", "9800000057"));

        assertThat(shared.status()).isEqualTo(404);
        assertThat(shared.body().path("type").asText()).endsWith("not-found");
    }

    private String counter(Clinic clinic) {
        String hipId = "IN29" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Api.Reply set = api.put("/departments/" + clinic.deptId + "/abdm-counter", Map.of("hipId", hipId, "counterCode", "OPD-CARD"));
        assertThat(set.status()).isEqualTo(200);
        return hipId;
    }

    private static String gatewayToken() {
        return ABDM_GATEWAY.token().subject("gateway").claim("clientId", ABDM_GATEWAY_CLIENT).sign();
    }

    private static String abhaNumber() {
        long digits = ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L);
        String d = Long.toString(digits);
        return d.substring(0, 2) + "-" + d.substring(2, 6) + "-" + d.substring(6, 10) + "-" + d.substring(10);
    }

    /** A profile share as the gateway sends it (v0.5 shape, see docs/integrations.md). */
    private static String profile(String requestId, String abha, String name, String mobile) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "requestId", requestId,
                "timestamp", Instant.now().toString(),
                "intent", Map.of("type", "PROFILE_SHARE"),
                "profile", Map.of("hipCode", "OPD-CARD", "patient", Map.of(
                        "healthId", "kavya@sbx", "healthIdNumber", abha, "name", name, "gender", "F",
                        "yearOfBirth", 1990, "monthOfBirth", 4, "dayOfBirth", 12,
                        "address", Map.of("line", "1 MG Road", "district", "Bengaluru", "state", "Karnataka", "pincode", "560001"),
                        "identifiers", List.of(Map.of("type", "MOBILE", "value", mobile))))));
    }

    record Reply(int status, JsonNode body) {
    }

    private Reply share(String bearer, String hipId, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (!bearer.isEmpty()) {
            headers.setBearerAuth(bearer);
        }
        headers.add("X-HIP-ID", hipId);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(PATH, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        String text = response.getBody();
        return new Reply(response.getStatusCode().value(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
    }
}
