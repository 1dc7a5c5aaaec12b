package org.opd.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks FCM HTTP v1 ({@code POST /v1/projects/{project}/messages:send},
 * bearer access token, JSON) and keeps every message it accepted. See {@link LocalProviderServer}
 * for the faults it can be told to make.
 */
public final class LocalFcmServer extends LocalProviderServer {

    public record ReceivedPush(String deviceToken, String title, String body, String name) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project;
    private final String accessToken;
    private final List<ReceivedPush> received = new CopyOnWriteArrayList<>();

    public LocalFcmServer(String project, String accessToken) {
        super("/v1/projects/");
        this.project = project;
        this.accessToken = accessToken;
    }

    public List<ReceivedPush> received() {
        return List.copyOf(received);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String expected = "/v1/projects/" + project + "/messages:send";
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
            return;
        }
        if (!hasBearer(exchange, accessToken)) {
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
