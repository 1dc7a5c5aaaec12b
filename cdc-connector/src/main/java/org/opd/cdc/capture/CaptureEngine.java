package org.opd.cdc.capture;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.connect.source.SourceRecord;
import org.opd.cdc.CdcProperties;
import org.opd.cdc.publish.OutboxPublisher;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

/**
 * Runs the Debezium engine that captures the outbox, on its own thread, from the start of the
 * application context until its stop, and supervises it: an engine that dies (Kafka refused or timed
 * out an event, the database went away) is replaced after a back-off that doubles up to a limit, and
 * the new one resumes from the last committed position. A start that fails (PostgreSQL not set up for
 * logical decoding, Kafka unreachable, slot unusable) fails the context instead.
 */
@Component
class CaptureEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaptureEngine.class);

    /** Debezium's own limit for starting its tasks; the engine refuses to close meanwhile. */
    private static final Duration TASK_START_LIMIT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);

    private final CdcProperties properties;
    private final OutboxPublisher publisher;
    private final EngineStatus status;

    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService engineThread;
    private ScheduledExecutorService supervisor;
    /** Completes once the current engine polls, or exceptionally if it finished before; it refuses to close meanwhile. */
    private CompletableFuture<Void> tasksStarted;
    private volatile Instant pollingSince;
    private int consecutiveFailures;
    private volatile boolean stopRequested;
    private volatile boolean running;
    /** Until the first engine polls, a failure fails the application start instead of being retried. */
    private volatile boolean startedOnce;

    CaptureEngine(CdcProperties properties, OutboxPublisher publisher, EngineStatus status) {
        this.properties = properties;
        this.publisher = publisher;
        this.status = status;
    }

    @Override
    public synchronized void start() {
        ReplicationSetup.prepare(properties);
        TopicProvisioner.ensureExist(properties.kafkaBootstrapServers(), (short) properties.topicReplicationFactor(),
                Topics.ALL);
        stopRequested = false;
        startedOnce = false;
        consecutiveFailures = 0;
        engineThread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "opd-cdc-engine"));
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "opd-cdc-supervisor"));
        running = true;
        launch();
        awaitFirstStart();
    }

    private void launch() {
        publisher.open();
        CompletableFuture<Void> started = new CompletableFuture<>();
        tasksStarted = started;
        status.moveTo(EngineStatus.State.STARTING);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(OutboxConnectorConfig.of(properties))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        pollingSince = Instant.now();
                        startedOnce = true;
                        status.moveTo(EngineStatus.State.RUNNING);
                        started.complete(null);
                        log.info("Capturing {} through slot {} and publication {}", OutboxConnectorConfig.OUTBOX_TABLE,
                                properties.slotName(), properties.publicationName());
                    }
                })
                .using((success, message, error) -> finished(message, error, started))
                .notifying(publisher)
                .build();
        engineThread.execute(engine);
    }

    /**
     * Holds the application start until the slot and publication exist and the engine polls, so that a
     * slot in use or missing privileges fail the start, and every row committed from now on is in the slot.
     */
    private void awaitFirstStart() {
        try {
            tasksStarted.get(TASK_START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stopRequested = true;
            shutDown();
            throw new IllegalStateException("Outbox capture failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stopRequested = true;
            shutDown();
            throw new IllegalStateException("Outbox capture did not start within " + TASK_START_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            shutDown();
            throw new IllegalStateException("Interrupted while the outbox capture started", e);
        }
    }

    private void finished(String message, Throwable error, CompletableFuture<Void> started) {
        publisher.close();
        String reason = error != null && error.getMessage() != null ? error.getMessage() : message;
        started.completeExceptionally(new IllegalStateException(reason, error));
        if (stopRequested || !startedOnce) {
            status.moveTo(EngineStatus.State.STOPPED);
            log.info("Outbox capture stopped");
            return;
        }
        synchronized (this) {
            if (stopRequested || supervisor.isShutdown()) {
                return;
            }
            Instant polledSince = pollingSince;
            // An engine that ran well for a while starts the back-off afresh; one that keeps dying backs off further.
            if (polledSince != null && polledSince.plus(properties.restartBackoffMax()).isBefore(Instant.now())) {
                consecutiveFailures = 0;
            }
            Duration delay = backoff(consecutiveFailures++);
            pollingSince = null;
            status.restarting(reason, Instant.now().plus(delay));
            log.error("Outbox capture died, restarting in {} from the last committed position: {}", delay, reason, error);
            supervisor.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Duration backoff(int failuresBefore) {
        Duration delay = properties.restartBackoff().multipliedBy(1L << Math.min(failuresBefore, 20));
        return delay.compareTo(properties.restartBackoffMax()) > 0 ? properties.restartBackoffMax() : delay;
    }

    private synchronized void restart() {
        if (stopRequested) {
            return;
        }
        try {
            launch();
        } catch (RuntimeException e) {
            // The engine builder refused its configuration; the next attempt meets the same, but the reason shows.
            finished("Could not start a new capture engine", e, new CompletableFuture<>());
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        synchronized (this) {
            supervisor.shutdownNow();
        }
        if (publisher.pending() != null) {
            // Kafka is unreachable: fail the waiting batch so that the engine can stop; it was not marked processed.
            publisher.abort();
        }
        try {
            tasksStarted.get(TASK_START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
            log.debug("Engine finished before it polled: {}", e.getMessage());
        } catch (TimeoutException e) {
            log.warn("Engine tasks still starting after {}; closing anyway", TASK_START_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDown();
    }

    private void shutDown() {
        try {
            closeEngine();
            supervisor.shutdownNow();
            engineThread.shutdown();
            if (!engineThread.awaitTermination(SHUTDOWN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Engine thread still running {} after close", SHUTDOWN_LIMIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engineThread.shutdownNow();
        } finally {
            running = false;
        }
    }

    private void closeEngine() {
        try {
            // Closing commits the offsets of the events Kafka acknowledged and releases the slot.
            engine.close();
        } catch (IllegalStateException e) {
            log.debug("Engine was already stopping on its own: {}", e.getMessage());
        } catch (IOException e) {
            log.warn("Engine did not close cleanly", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
