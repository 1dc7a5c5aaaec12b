package org.opd.orchestrator.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opd.testsupport.AccessTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens for the integration tests, got as a hospital's staff would get them: the
 * bootstrap client (configured for the tests) issues client credentials through the API, and
 * their tokens come from the token endpoint. Tests that are not about access call as the staff
 * the rules require: the desk, nurses, administrators and operations as one hospital-wide
 * client, a doctor's own moves as a client tied to that doctor.
 */
public final class TestCallers {

    public static final String BOOTSTRAP_CLIENT_ID = "opd-test-bootstrap";
    public static final String BOOTSTRAP_CLIENT_SECRET = "bootstrap-secret-for-integration-tests-only";
    private static final Pattern DOCTOR_MOVE = Pattern.compile("^/doctors/([^/?]+)/call-next$");
    private static final Pattern TOKEN_MOVE = Pattern.compile("^/tokens/([^/?]+)/(start|complete)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens live an hour in the tests (see {@link OrchestratorIntegrationTest}); one per caller for the run. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> TOKEN_DOCTORS = new ConcurrentHashMap<>();

    private final TestRestTemplate rest;
    private final String baseUrl;

    TestCallers(TestRestTemplate rest) {
        this.rest = rest;
        this.baseUrl = rest.getRootUri();
    }

    public String bootstrap() {
        return TOKENS.computeIfAbsent("bootstrap", key -> AccessTokens.clientCredentials(baseUrl, BOOTSTRAP_CLIENT_ID, BOOTSTRAP_CLIENT_SECRET));
    }

    /** A client of every hospital with the desk's, nurses', administrators' and operations' roles. */
    public String hospitalStaff() {
        return TOKENS.computeIfAbsent("staff", key -> token(issue(Map.of("kind", "INTEGRATION", "name", "Test staff",
                "roles", List.of("ADMIN", "RECEPTIONIST", "NURSE", "OPERATIONS")))));
    }

    /** A client tied to one doctor, with only the DOCTOR role. */
    public String doctor(String doctorId) {
        return TOKENS.computeIfAbsent("doctor:" + doctorId, key -> {
            String hospitalId = get("/doctors/" + doctorId, hospitalStaff()).path("hospitalId").asText();
            return token(issue(Map.of("kind", "INTEGRATION", "name", "Test doctor", "hospitalId", hospitalId,
                    "doctorId", doctorId, "roles", List.of("DOCTOR"))));
        });
    }

    /** A new client credential with exactly these roles and scope; its access token. */
    public String client(Set<String> roles, String hospitalId, String deptId, String doctorId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", roles.equals(Set.of("DISPLAY")) ? "DISPLAY" : "INTEGRATION",
                "name", "Test client", "roles", roles));
        putIfPresent(body, "hospitalId", hospitalId);
        putIfPresent(body, "deptId", deptId);
        putIfPresent(body, "doctorId", doctorId);
        return token(issue(body));
    }

    /** The issued credential (id, client id and secret) for tests of the credential itself. */
    public JsonNode issue(Map<String, ?> body) {
        HttpHeaders headers = bearer(bootstrap());
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange("/api/v1/api-clients", HttpMethod.POST,
                new HttpEntity<>(write(body), headers), String.class);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("Issuing a client answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return read(response.getBody());
    }

    public String token(JsonNode credential) {
        return AccessTokens.clientCredentials(baseUrl, credential.path("clientId").asText(), credential.path("clientSecret").asText());
    }

    /** The token a test's call is made with when the test does not choose one. */
    String forRequest(HttpMethod method, String path) {
        if (method == HttpMethod.POST) {
            Matcher doctorMove = DOCTOR_MOVE.matcher(path);
            if (doctorMove.matches()) {
                return doctor(doctorMove.group(1));
            }
            Matcher tokenMove = TOKEN_MOVE.matcher(path);
            if (tokenMove.matches()) {
                String doctorId = TOKEN_DOCTORS.computeIfAbsent(tokenMove.group(1),
                        tokenId -> get("/tokens/" + tokenId, hospitalStaff()).path("doctorId").asText(null));
                return doctorId == null ? hospitalStaff() : doctor(doctorId);
            }
        }
        return hospitalStaff();
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private JsonNode get(String path, String token) {
        return read(rest.exchange("/api/v1" + path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class).getBody());
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
