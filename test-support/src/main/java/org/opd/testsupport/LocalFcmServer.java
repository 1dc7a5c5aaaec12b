package org.opd.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks FCM HTTP v1 ({@code POST /v1/projects/{project}/messages:send},
 * bearer access token, JSON) and keeps every message it accepted. It is also the OAuth 2 token
 * endpoint ({@code POST /token}, JWT bearer grant) of a service account it is told about, checking
 * the assertion's RS256 signature, issuer, audience, scope and expiry. See {@link LocalProviderServer}
 * for the faults it can be told to make.
 */
public final class LocalFcmServer extends LocalProviderServer {

    public record ReceivedPush(String deviceToken, String title, String body, String name) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Google's token endpoint accepts as the assertion's audience, wherever the request is sent (its OAuth 2 docs). */
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

    private final String project;
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final List<ReceivedPush> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String serviceAccount;
    private volatile PublicKey serviceAccountKey;
    private volatile Duration tokenLifetime;

    /** @param accessToken a token accepted as is */
    public LocalFcmServer(String project, String accessToken) {
        super("/");
        this.project = project;
        this.accessTokens.add(accessToken);
    }

    /** Issues access tokens, valid for {@code lifetime}, to this service account (its client email and public key). */
    public void acceptServiceAccount(String clientEmail, PublicKey publicKey, Duration lifetime) {
        this.serviceAccount = clientEmail;
        this.serviceAccountKey = publicKey;
        this.tokenLifetime = lifetime;
    }

    /** The token endpoint a service account key file names as {@code token_uri}. */
    public String tokenUri() {
        return baseUrl() + "/token";
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<ReceivedPush> received() {
        return List.copyOf(received);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if ("/token".equals(exchange.getRequestURI().getPath())) {
            issueToken(exchange);
            return;
        }
        String expected = "/v1/projects/" + project + "/messages:send";
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            respond(exchange, 401, error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
            return;
        }
        if (answeredWithFault(exchange)) {
            return;
        }
        JsonNode message = JSON.readTree(exchange.getRequestBody()).path("message");
        String token = message.path("token").asText("");
        if (token.isBlank()) {
            respond(exchange, 400, error(400, "Recipient of the message is not set.", "INVALID_ARGUMENT"));
            return;
        }
        String name = "projects/" + project + "/messages/" + UUID.randomUUID();
        received.add(new ReceivedPush(token, message.path("notification").path("title").asText(null),
                message.path("notification").path("body").asText(null), name));
        respond(exchange, 200, "{\"name\":\"" + name + "\"}");
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = parseForm(exchange.getRequestBody());
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || !validAssertion(form.get("assertion"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
            return;
        }
        String token = "ya29.local-" + UUID.randomUUID();
        accessTokens.add(token);
        tokensIssued.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + tokenLifetime.toSeconds()
                + ",\"token_type\":\"Bearer\"}");
    }

    private boolean validAssertion(String jwt) {
        if (jwt == null || serviceAccountKey == null) {
            return false;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(serviceAccountKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return serviceAccount.equals(claims.path("iss").asText())
                    && GOOGLE_TOKEN_AUDIENCE.equals(claims.path("aud").asText())
                    && claims.path("scope").asText().contains("https://www.googleapis.com/auth/firebase.messaging")
                    && claims.path("exp").asLong() > Instant.now().getEpochSecond();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected String errorBody(int status) {
        return switch (status) {
            case 429 -> error(429, "Quota exceeded.", "RESOURCE_EXHAUSTED");
            case 404 -> error(404, "Requested entity was not found.", "UNREGISTERED");
            default -> error(status, "The service is currently unavailable.", "UNAVAILABLE");
        };
    }

    private static String error(int code, String message, String status) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
    }
}
