package org.opd.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for a messaging provider, which misbehaves on purpose when
 * told: the next requests fail with a status, are rate-limited with a Retry-After, or get no answer
 * in time. A request that meets a fault is not kept as a message.
 */
public abstract class LocalProviderServer implements AutoCloseable {

    private sealed interface Fault permits Failure, Stall {
    }

    /** @param body the answer, or null for the provider's usual error body of the status */
    private record Failure(int status, Duration retryAfter, String body) implements Fault {
    }

    private record Stall(Duration duration) implements Fault {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Instant> requestTimes = new CopyOnWriteArrayList<>();

    protected LocalProviderServer(String contextPath) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a local provider server", e);
        }
        // Several threads, so that a stalled request does not hold up the next one.
        server.setExecutor(executor);
        server.createContext(contextPath, exchange -> {
            try (exchange) {
                requestTimes.add(Instant.now());
                handle(exchange);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** When each request arrived, faulty ones included. */
    public List<Instant> requestTimes() {
        return List.copyOf(requestTimes);
    }

    /** The next {@code count} authorised requests are answered with {@code status}. */
    public void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            faults.add(new Failure(status, null, null));
        }
    }

    /** The next {@code count} authorised requests are answered with {@code status} and this body. */
    protected final void failNextWith(int count, int status, String body) {
        for (int i = 0; i < count; i++) {
            faults.add(new Failure(status, null, body));
        }
    }

    /** The next {@code count} authorised requests are answered 429 with {@code Retry-After} in whole seconds. */
    public void rateLimitNext(int count, Duration retryAfter) {
        for (int i = 0; i < count; i++) {
            faults.add(new Failure(429, retryAfter, null));
        }
    }

    /** The next {@code count} authorised requests get their (error) answer only after {@code duration}. */
    public void stallNext(int count, Duration duration) {
        for (int i = 0; i < count; i++) {
            faults.add(new Stall(duration));
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** The provider's error body for a status. */
    protected abstract String errorBody(int status);

    /** Answers with the next planned fault, if any; true when it did. */
    protected final boolean answeredWithFault(HttpExchange exchange) throws IOException {
        Fault fault = faults.poll();
        if (fault instanceof Failure failure) {
            if (failure.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
            }
            respond(exchange, failure.status(), failure.body() != null ? failure.body() : errorBody(failure.status()));
            return true;
        }
        if (fault instanceof Stall stall) {
            try {
                Thread.sleep(stall.duration().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 504, errorBody(504));
            return true;
        }
        return false;
    }

    /** A form-encoded request body. */
    protected static Map<String, String> parseForm(InputStream body) throws IOException {
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

    protected static boolean hasBearer(HttpExchange exchange, String token) {
        return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    protected static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // The client gave up waiting (a stalled request): nobody reads this answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
