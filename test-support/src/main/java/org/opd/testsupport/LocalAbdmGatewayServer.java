package org.opd.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback standing in for the ABDM gateway's side of Scan & Share, as ABDM's HIP
 * specification (ndhm-hip.yml) describes it: {@code POST /v0.5/sessions} with the facility's
 * {@code clientId} and {@code clientSecret} answers an {@code accessToken} valid {@code expiresIn} seconds
 * (a day unless told, so one test run needs one); {@code POST /v1.0/patients/profile/on-share} takes a
 * {@code ShareProfileResult1} with a bearer token it issued and has not revoked, and the consent manager's
 * {@code X-CM-ID}, and answers 202. Every on-share attempt is kept, failed ones too; the on-shares
 * answering one share can be told to fail first. The lifetime is only announced: the client is trusted
 * to renew in time.
 */
public final class LocalAbdmGatewayServer extends LocalProviderServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(1);

    /** One on-share as it arrived, and the status it was answered with. */
    public record OnShareAttempt(JsonNode body, String authorization, String cmId, int status, Instant arrivedAt) {

        public String shareRequestId() {
            return body.path("resp").path("requestId").asText();
        }

        public String tokenNumber() {
            return body.path("acknowledgement").path("tokenNumber").asText();
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final String cmId;
    private final Duration sessionLifetime;
    private final List<String> sessionsIssued = new CopyOnWriteArrayList<>();
    private final List<OnShareAttempt> onShareAttempts = new CopyOnWriteArrayList<>();
    private final List<String> sessionsRevoked = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> failuresByShare = new ConcurrentHashMap<>();

    public LocalAbdmGatewayServer(String clientId, String clientSecret, String cmId) {
        this(clientId, clientSecret, cmId, DEFAULT_SESSION_LIFETIME);
    }

    public LocalAbdmGatewayServer(String clientId, String clientSecret, String cmId, Duration sessionLifetime) {
        super("/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.cmId = cmId;
        this.sessionLifetime = sessionLifetime;
    }

    /** The tokens issued so far are refused from now on (401), as after a revocation at the gateway. */
    public void revokeSessions() {
        sessionsRevoked.addAll(sessionsIssued);
    }

    /** The access tokens handed out, in order. */
    public List<String> sessionsIssued() {
        return List.copyOf(sessionsIssued);
    }

    /** Every on-share attempt answering the share with this request id, in order of arrival. */
    public List<OnShareAttempt> onShareAttemptsFor(String shareRequestId) {
        return onShareAttempts.stream().filter(a -> a.shareRequestId().equals(shareRequestId)).toList();
    }

    /** The on-shares taken (202) for the share with this request id. */
    public List<OnShareAttempt> onSharesFor(String shareRequestId) {
        return onShareAttemptsFor(shareRequestId).stream().filter(a -> a.status() == 202).toList();
    }

    /** The next {@code count} on-shares answering this share are answered with {@code status}. */
    public void failOnSharesFor(String shareRequestId, int count, int status) {
        Queue<Integer> failures = failuresByShare.computeIfAbsent(shareRequestId, id -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && "/v0.5/sessions".equals(path)) {
            session(exchange);
        } else if ("POST".equals(exchange.getRequestMethod()) && "/v1.0/patients/profile/on-share".equals(path)) {
            onShare(exchange);
        } else {
            respond(exchange, 404, error(1000, "Not found"));
        }
    }

    private void session(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (!clientId.equals(request.path("clientId").asText()) || !clientSecret.equals(request.path("clientSecret").asText())) {
            respond(exchange, 401, error(1017, "Invalid client Id or secret"));
            return;
        }
        String token = "gateway-session-" + UUID.randomUUID();
        sessionsIssued.add(token);
        respond(exchange, 200, JSON.createObjectNode().put("accessToken", token).put("expiresIn", sessionLifetime.toSeconds())
                .put("refreshExpiresIn", sessionLifetime.toSeconds()).put("refreshToken", "refresh-" + token)
                .put("tokenType", "bearer").toString());
    }

    private void onShare(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String cm = exchange.getRequestHeaders().getFirst("X-CM-ID");
        int status = onShareStatus(body, authorization, cm);
        onShareAttempts.add(new OnShareAttempt(body, authorization, cm, status, Instant.now()));
        if (status == 202) {
            exchange.sendResponseHeaders(202, -1);
        } else {
            respond(exchange, status, errorBody(status));
        }
    }

    private int onShareStatus(JsonNode body, String authorization, String cm) {
        if (sessionsIssued.stream().filter(token -> !sessionsRevoked.contains(token))
                .noneMatch(token -> ("Bearer " + token).equals(authorization))) {
            return 401;
        }
        if (!cmId.equals(cm) || !wellFormed(body)) {
            return 400;
        }
        Queue<Integer> failures = failuresByShare.get(body.path("resp").path("requestId").asText());
        Integer failure = failures == null ? null : failures.poll();
        return failure != null ? failure : 202;
    }

    /** ShareProfileResult1's required fields. */
    private static boolean wellFormed(JsonNode body) {
        JsonNode ack = body.path("acknowledgement");
        return body.path("requestId").isTextual() && body.path("timestamp").isTextual()
                && List.of("SUCCESS", "FAILURE").contains(ack.path("status").asText())
                && ack.path("healthId").isTextual() && ack.path("tokenNumber").isTextual()
                && body.path("resp").path("requestId").isTextual();
    }

    @Override
    protected String errorBody(int status) {
        return error(status == 401 ? 1017 : status == 400 ? 1000 : 2500, status >= 500 ? "Unknown error occurred" : "Bad request");
    }

    /** ABDM's ErrorResponse. */
    private static String error(int code, String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", code).put("message", message)).toString();
    }
}
