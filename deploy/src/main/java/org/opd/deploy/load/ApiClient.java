package org.opd.deploy.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The orchestrator's HTTP API as a client sees it: sign-in at the token endpoint (client
 * credentials grant) and JSON POSTs and GETs with a bearer token. One keep-alive connection pool
 * is shared by every simulated client.
 */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json;

    ApiClient(String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.json = json;
        // HTTP/1.1: the API is plain http on loopback, where an h2c upgrade only costs a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread thread = new Thread(r, "load-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    /** One answer of the API, and when it arrived ({@link System#nanoTime()}). */
    record Answer(int status, JsonNode body, long sentAt, long answeredAt) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        long latencyNanos() {
            return answeredAt - sentAt;
        }
    }

    /** An access token and when it stops being good ({@link System#nanoTime()}). */
    record AccessToken(String value, long expiresAt) {
    }

    AccessToken signIn(String clientId, String clientSecret) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token")).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        long sentAt = System.nanoTime();
        Answer answer = send(request, sentAt);
        if (answer.status() != 200) {
            throw new IllegalStateException("Sign-in of client " + clientId + " refused: HTTP " + answer.status() + " " + answer.body());
        }
        long lifetime = Duration.ofSeconds(answer.body().path("expires_in").asLong(300)).toNanos();
        return new AccessToken(answer.body().path("access_token").asText(), sentAt + lifetime);
    }

    Answer post(String bearer, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            return send(request, System.nanoTime());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the body of POST " + path, e);
        }
    }

    /** A POST whose refusal ends the run: master data the load needs. */
    JsonNode create(String bearer, String path, Object body) {
        Answer answer = post(bearer, path, body);
        if (!answer.accepted()) {
            throw new IllegalStateException("POST " + path + " answered HTTP " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer send(HttpRequest request, long sentAt) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long answeredAt = System.nanoTime();
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? json.createObjectNode() : parse(text);
            return new Answer(response.statusCode(), body, sentAt, answeredAt);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
