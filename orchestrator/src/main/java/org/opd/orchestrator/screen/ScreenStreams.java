package org.opd.orchestrator.screen;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.opd.orchestrator.error.UnavailableException;
import org.opd.schemas.live.LiveQueueChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * The open live streams of the screens, by the doctor or department they follow, and the fan-out
 * of each announced queue change to them: the doctor's queue is read once per change and the same
 * event is written to every stream that follows it.
 *
 * <p>One fan-out thread keeps each doctor's changes in order. Changes of one doctor that arrive
 * while an earlier one waits to be sent collapse into one read (it reads the newest state anyway).
 * A screen keeps the newest version it saw, so a late event never takes it back.
 */
@Component
public class ScreenStreams implements LiveChangeFollower {

    /** SSE event name: a doctor's {@link ScreenQueue}. */
    public static final String QUEUE_EVENT = "queue";

    private static final Logger log = LoggerFactory.getLogger(ScreenStreams.class);

    private final KeyedStreams byDepartment = new KeyedStreams();
    private final KeyedStreams byDoctor = new KeyedStreams();
    private final Map<UUID, LiveQueueChange> pending = new ConcurrentHashMap<>();
    /** The newest version pushed per doctor: two changes read after both were applied show one state, sent once. */
    private final Map<UUID, Long> pushedVersions = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> new Thread(r, "screen-fan-out"));
    private final ScreenQueues queues;
    private final ObjectMapper json;
    private final Counter pushed;
    private final Counter failed;
    /** Whether Redis's changes are followed right now; without them a new stream would go stale unseen. */
    private volatile boolean following;

    ScreenStreams(ScreenQueues queues, ObjectMapper json, MeterRegistry meters) {
        this.queues = queues;
        this.json = json;
        this.pushed = Counter.builder("opd.screen.changes.pushed").description("Queue changes written to the screens' streams").register(meters);
        this.failed = Counter.builder("opd.screen.changes.failed").description("Queue changes that could not be read; their streams were closed to reload").register(meters);
        Gauge.builder("opd.screen.streams.open", byDepartment, KeyedStreams::count).tag("follows", "department")
                .description("Open live streams of screens").register(meters);
        Gauge.builder("opd.screen.streams.open", byDoctor, KeyedStreams::count).tag("follows", "doctor")
                .description("Open live streams of screens").register(meters);
    }

    public SseEmitter followDepartment(UUID deptId, Duration lifetime) {
        return follow(byDepartment, deptId, lifetime);
    }

    public SseEmitter followDoctor(UUID doctorId, Duration lifetime) {
        return follow(byDoctor, doctorId, lifetime);
    }

    /** A queue change announced by the projection; sent on to the streams that follow it. */
    @Override
    public void changed(LiveQueueChange change) {
        boolean watched = byDoctor.follows(change.doctorId()) || byDepartment.follows(change.deptId());
        if (watched && pending.put(change.doctorId(), change) == null) {
            fanOut.execute(() -> push(change.doctorId()));
        }
    }

    /** Changes are followed again: screens that connect from now on miss nothing. */
    @Override
    public void following(boolean following) {
        this.following = following;
    }

    /**
     * Ends every stream; each screen reconnects and reloads the state. For when changes may have been
     * missed (the subscription to Redis broke) and at shutdown.
     */
    @Override
    public void disconnectAll() {
        byDepartment.endAll();
        byDoctor.endAll();
        pushedVersions.clear();
    }

    @Scheduled(fixedDelayString = "${opd.orchestrator.screens.heartbeat}")
    void heartbeat() {
        byDepartment.heartbeat();
        byDoctor.heartbeat();
    }

    @PreDestroy
    void close() {
        fanOut.shutdownNow();
        disconnectAll();
    }

    private SseEmitter follow(KeyedStreams streams, UUID key, Duration lifetime) {
        if (!following) {
            throw new UnavailableException("live-updates-unavailable", "Live updates unavailable",
                    "The queue changes cannot be followed right now; load the state and try again shortly", null);
        }
        return streams.open(key, lifetime);
    }

    private void push(UUID doctorId) {
        LiveQueueChange change = pending.remove(doctorId);
        if (change == null) {
            return;
        }
        Set<ResponseBodyEmitter.DataWithMediaType> event;
        try {
            ScreenQueue queue = queues.read(doctorId);
            if (queue.version() <= pushedVersions.getOrDefault(doctorId, -1L)) {
                return;
            }
            pushedVersions.put(doctorId, queue.version());
            event = SseEmitter.event().name(QUEUE_EVENT).id(doctorId + ":" + queue.version()).data(json.writeValueAsString(queue)).build();
        } catch (RuntimeException | JsonProcessingException e) {
            // Better a screen that says "reconnecting" and reloads than one that silently misses a change.
            log.warn("Queue of doctor {} (version {}) not pushed, its screens reload: {}", doctorId, change.version(), e.toString());
            failed.increment();
            byDoctor.endAll(doctorId);
            byDepartment.endAll(change.deptId());
            return;
        }
        byDoctor.sendAll(doctorId, event);
        byDepartment.sendAll(change.deptId(), event);
        pushed.increment();
    }
}
