package org.opd.orchestrator.screen;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open Server-Sent-Event streams by what they follow (a doctor, a department, a hospital): opened with a
 * {@code ready} event, forgotten when they end, written to all at once. Thread-safe.
 */
public final class KeyedStreams {

    /** Sent at once on a new stream: it follows from now on, so the page loads the state after it. */
    public static final String READY_EVENT = "ready";

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    /** @param lifetime the stream ends then (the caller's access token expires); the page reconnects */
    public SseEmitter open(UUID key, Duration lifetime) {
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        Runnable forget = () -> streams.computeIfPresent(key, (k, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
        emitter.onCompletion(forget);
        emitter.onError(error -> forget.run());
        emitter.onTimeout(emitter::complete);
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        // Kept first, then "ready": nothing that changes after the page's load is missed.
        send(emitter, SseEmitter.event().name(READY_EVENT).data("{}").build());
        return emitter;
    }

    public boolean follows(UUID key) {
        return streams.containsKey(key);
    }

    /** @param event built once (building an event is not repeatable), written to each stream of the key */
    public void sendAll(UUID key, Set<ResponseBodyEmitter.DataWithMediaType> event) {
        streams.getOrDefault(key, Set.of()).forEach(emitter -> send(emitter, event));
    }

    /** Ends the key's streams: their pages reconnect and reload. */
    public void endAll(UUID key) {
        streams.getOrDefault(key, Set.of()).forEach(SseEmitter::complete);
    }

    public void endAll() {
        streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        streams.clear();
    }

    /** A comment on every stream, so proxies keep them open and a gone page is noticed (its write fails). */
    public void heartbeat() {
        Set<ResponseBodyEmitter.DataWithMediaType> comment = SseEmitter.event().comment("heartbeat").build();
        streams.keySet().forEach(key -> sendAll(key, comment));
    }

    public int count() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    public static void send(SseEmitter emitter, Set<ResponseBodyEmitter.DataWithMediaType> event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The page went away (or its stream already ended): forget it.
            emitter.completeWithError(e);
        }
    }
}
