package org.opd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opd.security.sample.SampleService;
import org.opd.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service with the security module's default chain, on a real server, called over HTTP with
 * tokens of two real, independent issuers: one configured in {@code opd.security.trusted-issuers},
 * one not.
 */
@SpringBootTest(classes = SampleService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics",
        "opd.security.max-request-size=1KB",
        "opd.security.cors-allowed-origins=" + ServiceSecurityIT.SCREENS_ORIGIN})
class ServiceSecurityIT {

    static final String SCREENS_ORIGIN = "https://screens.example.org";

    private static final TestIssuer TRUSTED = TestIssuer.start();
    private static final TestIssuer UNTRUSTED = TestIssuer.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void issuers(DynamicPropertyRegistry registry) {
        registry.add("opd.security.trusted-issuers", TRUSTED::issuer);
    }

    @AfterAll
    static void closeIssuers() {
        TRUSTED.close();
        UNTRUSTED.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void refusesACallWithoutTokenAsProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/whoami", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("type").asText()).isEqualTo("urn:opd:problem:unauthenticated");
    }

    @Test
    void acceptsATokenOfAConfiguredIssuerFoundThroughItsDiscoveryDocument() throws Exception {
        String token = TRUSTED.token("nurse-1", "NURSE", "realm-admin");

        HttpResponse<String> response = get("/api/whoami", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("subject").asText()).isEqualTo("nurse-1");
        assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("NURSE");
        assertThat(TRUSTED.discoveryRequests()).isPositive();
    }

    @Test
    void refusesATokenOfAnIssuerThatIsNotConfiguredWithoutAskingIt() throws Exception {
        HttpResponse<String> response = get("/api/whoami", UNTRUSTED.token("admin-1", "ADMIN"));

        assertUnauthorized(response);
        assertThat(UNTRUSTED.discoveryRequests()).isZero();
        assertThat(UNTRUSTED.keyRequests()).isZero();
    }

    @Test
    void refusesATokenClaimingATrustedIssuerButSignedByAnother() throws Exception {
        // Given the untrusted issuer's token with the trusted issuer's name in iss
        String token = UNTRUSTED.token().claim("iss", TRUSTED.issuer()).roles("ADMIN").sign();

        assertUnauthorized(get("/api/whoami", token));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertUnauthorized(get("/api/whoami", TRUSTED.token().roles("NURSE").expired().sign()));
    }

    @Test
    void refusesATokenWithATamperedPayload() throws Exception {
        String tampered = TRUSTED.token().roles("NURSE").tampered("roles", List.of("ADMIN"));

        assertUnauthorized(get("/actuator/metrics", tampered));
    }

    @Test
    void refusesATokenSignedWithAKeyTheIssuerNeverPublished() throws Exception {
        assertUnauthorized(get("/api/whoami", TRUSTED.token().roles("NURSE").signedWithUnknownKey().sign()));
    }

    @Test
    void publicPathsAreOpenWithoutTokenErrorsIncluded() throws Exception {
        HttpResponse<String> accepted = send(request("/callbacks/status", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"delivered\"}")));
        HttpResponse<String> malformed = send(request("/callbacks/status", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("delivered");
        // The error dispatch of a public path is not turned into a demand for a token
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void healthIsOpenWithoutToken() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void otherActuatorEndpointsAreForOperationsAndAdministratorsOnly() throws Exception {
        // Without a token, with a token of another role, then with OPERATIONS and ADMIN
        assertUnauthorized(get("/actuator/metrics", null));

        HttpResponse<String> nurse = get("/actuator/metrics", TRUSTED.token("nurse-2", "NURSE"));
        assertThat(nurse.statusCode()).isEqualTo(403);
        assertThat(nurse.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(nurse.body()).path("missingPermission").asText()).isEqualTo("role ADMIN or OPERATIONS");

        assertThat(get("/actuator/metrics", TRUSTED.token("ops-1", "OPERATIONS")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", TRUSTED.token("admin-2", "ADMIN")).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesABodyAboveTheLimitAsProblem() throws Exception {
        String token = TRUSTED.token("nurse-3", "NURSE");

        HttpResponse<String> small = post("/api/echo", token, "x".repeat(1024));
        HttpResponse<String> large = post("/api/echo", token, "x".repeat(1025));

        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(large.body()).path("type").asText()).isEqualTo("urn:opd:problem:payload-too-large");
    }

    @Test
    void setsSecurityHeadersOnAnswersAndRefusals() throws Exception {
        for (HttpResponse<String> response : List.of(
                get("/api/whoami", TRUSTED.token("nurse-4", "NURSE")), get("/api/whoami", null))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    @Test
    void answersCorsPreflightOnlyForConfiguredOrigins() throws Exception {
        HttpResponse<String> configured = preflight(SCREENS_ORIGIN);
        HttpResponse<String> other = preflight("https://evil.example.com");

        assertThat(configured.statusCode()).isEqualTo(200);
        assertThat(configured.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SCREENS_ORIGIN);
        assertThat(configured.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v.toLowerCase()).contains("authorization"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void setsUpNoUserStoreAndSoNoGeneratedPassword() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    private static void assertUnauthorized(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return send(request("/api/whoami", null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
