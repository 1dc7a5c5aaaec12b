package org.opd.orchestrator.abdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.testsupport.TestIssuer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ABDM gateway as the Scan & Share tests play it: counters set up, profiles shared with its signed JWT. */
final class GatewayShares {

    static final String PATH = "/abdm/v1.0/patients/profile/share";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body) {
    }

    private final TestRestTemplate rest;
    private final Api api;
    private final TestIssuer gateway;
    private final String gatewayClient;

    GatewayShares(TestRestTemplate rest, Api api, TestIssuer gateway, String gatewayClient) {
        this.rest = rest;
        this.api = api;
        this.gateway = gateway;
        this.gatewayClient = gatewayClient;
    }

    /** A Scan & Share counter (code OPD-CARD) of a new facility id for the clinic's department; the facility id. */
    String counter(Clinic clinic) {
        String hipId = "IN29" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Api.Reply set = api.put("/departments/" + clinic.deptId + "/abdm-counter", Map.of("hipId", hipId, "counterCode", "OPD-CARD"));
        assertThat(set.status()).isEqualTo(200);
        return hipId;
    }

    String gatewayToken() {
        return gateway.token().subject("gateway").claim("clientId", gatewayClient).sign();
    }

    static String abhaNumber() {
        long digits = ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L);
        String d = Long.toString(digits);
        return d.substring(0, 2) + "-" + d.substring(2, 6) + "-" + d.substring(6, 10) + "-" + d.substring(10);
    }

    /** A profile share as the gateway sends it (v1.0 callback, see docs/integrations.md). */
    static String profile(String requestId, String abha, String name, String mobile) {
        return json(Map.of(
                "requestId", requestId,
                "timestamp", Instant.now().toString(),
                "intent", Map.of("type", "PROFILE_SHARE"),
                "profile", Map.of("hipCode", "OPD-CARD", "patient", Map.of(
                        "healthId", "kavya@sbx", "healthIdNumber", abha, "name", name, "gender", "F",
                        "yearOfBirth", 1990, "monthOfBirth", 4, "dayOfBirth", 12,
                        "address", Map.of("line", "1 MG Road", "district", "Bengaluru", "state", "Karnataka", "pincode", "560001"),
                        "identifiers", List.of(Map.of("type", "MOBILE", "value", mobile))))));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Reply share(String hipId, String body) {
        return share(gatewayToken(), hipId, body);
    }

    Reply share(String bearer, String hipId, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (!bearer.isEmpty()) {
            headers.setBearerAuth(bearer);
        }
        headers.add("X-HIP-ID", hipId);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(PATH, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        String text = response.getBody();
        try {
            return new Reply(response.getStatusCode().value(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }
}
