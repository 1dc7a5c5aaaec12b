package org.opd.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks the WhatsApp Cloud API message send
 * ({@code POST /{version}/{phone-number-id}/messages}, bearer token, JSON) and keeps every text
 * message it accepted, and every message of any type in {@link #sent()} (interactive lists and
 * reply buttons included). See {@link LocalProviderServer} for the faults it can be told to make.
 */
public final class LocalWhatsAppServer extends LocalProviderServer {

    /** @param callbackData what was sent as {@code biz_opaque_callback_data} */
    public record ReceivedMessage(String to, String body, String id, String callbackData) {
    }

    /**
     * Any message accepted, as the request had it.
     *
     * @param phoneNumberId the business number it was sent from (the path's)
     */
    public record SentMessage(String phoneNumberId, String to, String type, JsonNode request, String id) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("text", "interactive");

    private final Pattern path;
    private final String accessToken;
    private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();

    public LocalWhatsAppServer(String apiVersion, String phoneNumberId, String accessToken) {
        this(Pattern.compile("/" + Pattern.quote(apiVersion) + "/(" + Pattern.quote(phoneNumberId) + ")/messages"),
                apiVersion, accessToken);
    }

    /** A business account with many numbers: messages are accepted from any phone number id. */
    public static LocalWhatsAppServer anyNumber(String apiVersion, String accessToken) {
        return new LocalWhatsAppServer(Pattern.compile("/" + Pattern.quote(apiVersion) + "/([0-9A-Za-z_-]+)/messages"),
                apiVersion, accessToken);
    }

    /** @param path the messages path, its one group the phone number id */
    private LocalWhatsAppServer(Pattern path, String apiVersion, String accessToken) {
        super("/" + apiVersion + "/");
        this.path = path;
        this.accessToken = accessToken;
    }

    public List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    public List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    /** The next {@code count} messages are refused with {@code status} and the Graph API error {@code code}. */
    public void failNextWithCode(int count, int status, int code) {
        failNextWith(count, status, error(code, "(#" + code + ") Rate limit hit", "OAuthException"));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        Matcher number = path.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !number.matches()) {
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
        String type = request.path("type").asText("");
        String body = "interactive".equals(type) ? request.path("interactive").path("body").path("text").asText("")
                : request.path("text").path("body").asText("");
        if (!"whatsapp".equals(request.path("messaging_product").asText()) || !TYPES.contains(type)
                || to.isBlank() || body.isBlank()) {
            respond(exchange, 400, error(100, "Invalid parameter", "OAuthException"));
            return;
        }
        String id = "wamid." + UUID.randomUUID().toString().replace("-", "");
        if ("text".equals(type)) {
            received.add(new ReceivedMessage(to, body, id, request.path("biz_opaque_callback_data").asText(null)));
        }
        sent.add(new SentMessage(number.group(1), to, type, request, id));
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
