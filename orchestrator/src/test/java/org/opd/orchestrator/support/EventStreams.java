package org.opd.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Live streams of the API read as a page reads them: each event into a queue, and {@code end} when the server closes it. */
public final class EventStreams implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Event(String name, String id, String data) {
    }

    private final String rootUri;
    private final List<CompletableFuture<?>> open = new ArrayList<>();

    public EventStreams(String rootUri) {
        this.rootUri = rootUri;
    }

    /** @param accessToken null for a stream whose path is its own credential */
    public BlockingQueue<Event> follow(String path, String accessToken) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rootUri + "/api/v1" + path)).header("Accept", "text/event-stream");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        CompletableFuture<?> stream = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                events.add(new Event("status-" + response.statusCode(), null, null));
                return;
            }
            String[] event = new String[3];
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (event[0] != null) {
                        events.add(new Event(event[0], event[1], event[2]));
                    }
                    event[0] = event[1] = event[2] = null;
                } else if (line.startsWith("event:")) {
                    event[0] = line.substring(6);
                } else if (line.startsWith("id:")) {
                    event[1] = line.substring(3);
                } else if (line.startsWith("data:")) {
                    event[2] = line.substring(5);
                }
            });
            events.add(new Event("end", null, null));
        });
        open.add(stream);
        return events;
    }

    public static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    @Override
    public void close() {
        open.forEach(stream -> stream.cancel(true));
        open.clear();
    }
}
