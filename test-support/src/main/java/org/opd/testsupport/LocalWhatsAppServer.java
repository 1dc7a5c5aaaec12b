package org.opd.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks the WhatsApp Cloud API message send
 * ({@code POST /{version}/{phone-number-id}/messages}, bearer token, JSON) and keeps every text
 * message it accepted. See {@link LocalProviderServer} for the faults it can be told to make.
 */
public final class LocalWhatsAppServer extends LocalProviderServer {

    /** @param callbackData what was sent as {@code biz_opaque_callback_data} */
    public record ReceivedMessage(String to, String body, String id, String callbackData) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;
    private final String accessToken;
    private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();

    public LocalWhatsAppServer(String apiVersion, String phoneNumberId, String accessToken) {
        super("/" + apiVersion + "/");
        this.path = "/" + apiVersion + "/" + phoneNumberId + "/messages";
        this.accessToken = accessToken;
    }

    public List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** The next {@code count} messages are refused with {@code status} and the Graph API error {@code code}. */
    public void failNextWithCode(int count, int status, int code) {
        failNextWith(count, status, error(code, "(#" + code + ") Rate limit hit", "OAuthException"));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 400, error(100, "Unsupported post request", "GraphMethodException"));
            return;
        }
        if (!hasBearer(exchange, accessToken)) {
            respond(exchange, 401, error(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
            return;
        }
        if (answeredWithFault(exchange)) {
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String to = request.path("to").asText("");
        String body = request.path("text").path("body").asText("");
        if (!"whatsapp".equals(request.path("messaging_product").asText()) || !"text".equals(request.path("type").asText())
                || to.isBlank() || body.isBlank()) {
            respond(exchange, 400, error(100, "Invalid parameter", "OAuthException"));
            return;
        }
        String id = "wamid." + UUID.randomUUID().toString().replace("-", "");
        received.add(new ReceivedMessage(to, body, id, request.path("biz_opaque_callback_data").asText(null)));
        respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + id + "\"}]}");
    }

    @Override
    protected String errorBody(int status) {
        return switch (status) {
            case 429 -> error(80007, "Rate limit hit", "OAuthException");
            case 400 -> error(131026, "Message undeliverable", "OAuthException");
            default -> error(1, "An unknown error occurred", "OAuthException");
        };
    }

    private static String error(int code, String message, String type) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbCdEf\"}}";
    }
}
