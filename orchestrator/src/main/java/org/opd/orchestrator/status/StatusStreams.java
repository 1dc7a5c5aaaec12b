package org.opd.orchestrator.status;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.error.UnavailableException;
import org.opd.orchestrator.screen.KeyedStreams;
import org.opd.orchestrator.screen.LiveChangeFollower;
import org.opd.schemas.live.LiveQueueChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

/**
 * The open live streams of patients' status pages, one token each, kept by the doctor whose queue
 * the token is in. When that doctor's queue changes, each such token is read again and its stream
 * gets a {@link #STATUS_EVENT} only if what the page shows changed; a token that ended gets its last
 * status, then its stream ends. A token moved to another doctor is kept under the new one from then on.
 */
@Component
public class StatusStreams implements LiveChangeFollower {

    /** SSE event: the token's {@link PatientStatus}; after {@link KeyedStreams#READY_EVENT}, as on the screens' streams. */
    public static final String STATUS_EVENT = "status";

    private static final Logger log = LoggerFactory.getLogger(StatusStreams.class);

    /** One open page: its token, the doctor whose queue it is in, and what it was last sent. */
    private static final class Follower {
        final UUID tokenId;
        final SseEmitter emitter;
        volatile UUID doctorId;
        volatile PatientStatus shown;

        Follower(LinkedToken token, SseEmitter emitter) {
            this.tokenId = token.tokenId();
            this.emitter = emitter;
            this.doctorId = token.doctorId();
            this.shown = token.status();
        }
    }

    private final Map<UUID, Set<Follower>> byDoctor = new ConcurrentHashMap<>();
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> new Thread(r, "status-fan-out"));
    private final PatientStatuses statuses;
    private final ObjectMapper json;
    private final StatusLinkProperties properties;
    private volatile boolean following;

    StatusStreams(PatientStatuses statuses, ObjectMapper json, StatusLinkProperties properties) {
        this.statuses = statuses;
        this.json = json;
        this.properties = properties;
    }

    /** A stream of the token's changes; one that already ended says it is ready and ends (the page loads it once). */
    public SseEmitter follow(LinkedToken token) {
        if (!following) {
            throw new UnavailableException("live-updates-unavailable", "Live updates unavailable",
                    "The token's changes cannot be followed right now; load its status and try again shortly", null);
        }
        SseEmitter emitter = new SseEmitter(properties.streamLifetime().toMillis());
        if (token.status().ended()) {
            KeyedStreams.send(emitter, SseEmitter.event().name(KeyedStreams.READY_EVENT).data("{}").build());
            emitter.complete();
            return emitter;
        }
        Follower follower = new Follower(token, emitter);
        keep(follower);
        emitter.onCompletion(() -> forget(follower));
        emitter.onError(error -> forget(follower));
        // The page reconnects and reloads; a stream that lasts for ever would outlive the link's grace.
        emitter.onTimeout(emitter::complete);
        // Kept first, then "ready": whatever changes after the page loads its status after "ready" is sent.
        KeyedStreams.send(emitter, SseEmitter.event().name(KeyedStreams.READY_EVENT).data("{}").build());
        return emitter;
    }

    @Override
    public void changed(LiveQueueChange change) {
        UUID doctorId = change.doctorId();
        if (byDoctor.containsKey(doctorId) && pending.add(doctorId)) {
            fanOut.execute(() -> {
                // Changes arriving meanwhile collapse into this one read: it reads the newest state anyway.
                pending.remove(doctorId);
                refresh(doctorId);
            });
        }
    }

    @Override
    public void following(boolean following) {
        this.following = following;
    }

    @Override
    public void disconnectAll() {
        byDoctor.values().forEach(followers -> followers.forEach(follower -> follower.emitter.complete()));
        byDoctor.clear();
    }

    @Scheduled(fixedDelayString = "${opd.orchestrator.screens.heartbeat}")
    void heartbeat() {
        Set<ResponseBodyEmitter.DataWithMediaType> comment = SseEmitter.event().comment("heartbeat").build();
        byDoctor.values().forEach(followers -> followers.forEach(follower -> KeyedStreams.send(follower.emitter, comment)));
    }

    @PreDestroy
    void close() {
        fanOut.shutdownNow();
        disconnectAll();
    }

    private void refresh(UUID doctorId) {
        for (Follower follower : Set.copyOf(byDoctor.getOrDefault(doctorId, Set.of()))) {
            try {
                LinkedToken token = statuses.read(follower.tokenId);
                if (!token.doctorId().equals(follower.doctorId)) {
                    forget(follower);
                    follower.doctorId = token.doctorId();
                    keep(follower);
                }
                if (!token.status().equals(follower.shown)) {
                    follower.shown = token.status();
                    KeyedStreams.send(follower.emitter, SseEmitter.event().name(STATUS_EVENT).data(json.writeValueAsString(token.status())).build());
                }
                if (token.status().ended()) {
                    follower.emitter.complete();
                }
            } catch (ProblemException | JsonProcessingException e) {
                // The link stopped working (or the status cannot be written): the page reloads and says so.
                follower.emitter.complete();
            } catch (RuntimeException e) {
                log.warn("Status of token {} not pushed, its page reloads: {}", follower.tokenId, e.toString());
                follower.emitter.complete();
            }
        }
    }

    private void keep(Follower follower) {
        byDoctor.computeIfAbsent(follower.doctorId, id -> ConcurrentHashMap.newKeySet()).add(follower);
    }

    private void forget(Follower follower) {
        byDoctor.computeIfPresent(follower.doctorId, (id, followers) -> {
            followers.remove(follower);
            return followers.isEmpty() ? null : followers;
        });
    }
}
