package org.opd.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks the Twilio Messages API
 * ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form body, basic auth) and keeps
 * every message it accepted. See {@link LocalProviderServer} for the faults it can be told to make.
 */
public final class LocalTwilioServer extends LocalProviderServer {

    /** @param statusCallback the {@code StatusCallback} URL given with the message, or null */
    public record ReceivedSms(String to, String from, String body, String sid, String statusCallback) {
    }

    private final String accountSid;
    private final String authToken;
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();

    public LocalTwilioServer(String accountSid, String authToken) {
        super("/2010-04-01/Accounts/");
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        if (!"POST".equals(exchange.getRequestMethod()) || !expectedPath.equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\"}");
            return;
        }
        if (!authorized(exchange)) {
            respond(exchange, 401, "{\"code\":20003,\"message\":\"Authentication Error\"}");
            return;
        }
        if (answeredWithFault(exchange)) {
            return;
        }
        Map<String, String> form = parseForm(exchange.getRequestBody());
        String to = form.get("To");
        String body = form.get("Body");
        if (to == null || to.isBlank() || body == null || body.isBlank()) {
            respond(exchange, 400, "{\"code\":21604,\"message\":\"A 'To' phone number and a 'Body' are required.\"}");
            return;
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        received.add(new ReceivedSms(to, form.get("From"), body, sid, form.get("StatusCallback")));
        respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + to + "\"}");
    }

    @Override
    protected String errorBody(int status) {
        return switch (status) {
            case 429 -> "{\"code\":20429,\"message\":\"Too Many Requests\"}";
            case 400 -> "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}";
            default -> "{\"code\":20500,\"message\":\"Internal Server Error\"}";
        };
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }
}
