package org.opd.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback that speaks the Twilio Messages API
 * ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form body, basic auth) and keeps
 * every message it accepted. {@link #failNext(int, int)} makes it answer with an error status.
 */
public final class LocalTwilioServer implements AutoCloseable {

    public record ReceivedSms(String to, String from, String body, String sid) {
    }

    private final HttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;

    public LocalTwilioServer(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the local SMS server", e);
        }
        server.createContext("/2010-04-01/Accounts/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** The next {@code count} requests are answered with {@code status} and not kept. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            if (!"POST".equals(exchange.getRequestMethod()) || !expectedPath.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\"}");
                return;
            }
            if (!authorized(exchange)) {
                respond(exchange, 401, "{\"code\":20003,\"message\":\"Authentication Error\"}");
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, failureStatus, "{\"code\":20500,\"message\":\"Internal Server Error\"}");
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
            received.add(new ReceivedSms(to, form.get("From"), body, sid));
            respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + to + "\"}");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private static Map<String, String> parseForm(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
