package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.deploy.RunningSystem.Clinic;
import org.opd.notifier.webhook.Signatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A hospital system's webhook through the running system: a token issued over the orchestrator's API goes
 * through the outbox, Debezium and Kafka to the notifier, which calls the subscribed receiver (a JDK HTTP
 * server on the loopback interface, allowed here by {@code allow-http-loopback}) with a signed body.
 */
class WebhooksEndToEndIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALLOW_HTTP_LOOPBACK = "opd.notifier.outbound-webhooks.allow-http-loopback";

    @TempDir
    static Path dataDir;

    private static RunningSystem system;
    private static HttpServer receiver;
    /** Each call's signature header and body. */
    private static final List<String[]> CALLS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                CALLS.add(new String[] {exchange.getRequestHeaders().getFirst("OPD-Signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        // Only the notifier reads it; set in the services' JVM before they start.
        System.setProperty(ALLOW_HTTP_LOOPBACK, "true");
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stopTheSystem() {
        System.clearProperty(ALLOW_HTTP_LOOPBACK);
        if (system != null) {
            system.close();
        }
        receiver.stop(0);
    }

    @Test
    void aTokenIssuedOverTheApiReachesTheSubscribedReceiverSignedAndWithoutPersonalData() throws Exception {
        // Given a hospital with a doctor on shift, and its HIS subscribed to issued tokens by an administrator
        Clinic clinic = system.openClinic();
        String admin = system.token(system.credential(Map.of("kind", "INTEGRATION", "name", "HIS integration",
                "hospitalId", clinic.hospitalId, "roles", List.of("ADMIN"))));
        JsonNode subscription = subscribe(admin, clinic.hospitalId, Map.of(
                "targetUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "eventTypes", List.of("TOKEN_ISSUED")));

        // When the desk issues a token
        String tokenId = clinic.token("Meera Iyer", "+919812347001");

        // Then the receiver gets one TOKEN_ISSUED call about it, signed with the subscription's secret
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(CALLS).hasSize(1));
        String signature = CALLS.get(0)[0];
        String body = CALLS.get(0)[1];
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(Signatures.hmacSha256Hex(
                subscription.path("secret").asText(), (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        JsonNode event = JSON.readTree(body);
        assertThat(event.path("type").asText()).isEqualTo("TOKEN_ISSUED");
        assertThat(event.path("hospitalId").asText()).isEqualTo(clinic.hospitalId);
        assertThat(event.path("data").path("tokenId").asText()).isEqualTo(tokenId);
        assertThat(event.path("data").path("newStatus").asText()).isEqualTo("BOOKED");
        assertThat(body).doesNotContain("Meera", "Iyer", "9812347001", "Follow-up");
    }

    /** A subscription made on the notifier's API; the answer carries the secret. */
    private static JsonNode subscribe(String accessToken, String hospitalId, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.notifierUrl + "/api/v1/hospitals/"
                                + hospitalId + "/webhook-subscriptions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + accessToken)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
