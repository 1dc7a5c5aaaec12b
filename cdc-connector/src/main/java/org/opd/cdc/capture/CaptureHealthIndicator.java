package org.opd.cdc.capture;

import java.time.Duration;
import java.time.Instant;

import org.opd.cdc.CdcProperties;
import org.opd.cdc.publish.CaptureMetrics;
import org.opd.cdc.publish.OutboxPublisher;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code capture}: UP while the engine captures the outbox; DOWN with the reason while
 * Kafka has not acknowledged an event for longer than the stall threshold (state STALLED), or while a
 * dead engine waits for its restart (state RESTARTING). Details carry the lag, rate and slot figures.
 */
@Component
class CaptureHealthIndicator implements HealthIndicator {

    private final EngineStatus status;
    private final CdcProperties properties;
    private final OutboxPublisher publisher;
    private final CaptureMetrics metrics;
    private final SlotMonitor slot;

    CaptureHealthIndicator(EngineStatus status, CdcProperties properties, OutboxPublisher publisher,
                           CaptureMetrics metrics, SlotMonitor slot) {
        this.status = status;
        this.properties = properties;
        this.publisher = publisher;
        this.metrics = metrics;
        this.slot = slot;
    }

    @Override
    public Health health() {
        EngineStatus.Snapshot snapshot = status.current();
        OutboxPublisher.Pending pending = publisher.pending();
        Instant now = Instant.now();
        Health.Builder health;
        String state = snapshot.state().name();
        if (snapshot.state() == EngineStatus.State.RUNNING && pending != null
                && Duration.between(pending.since(), now).compareTo(properties.stallThreshold()) > 0) {
            state = "STALLED";
            health = Health.down().withDetail("reason", "Kafka has not acknowledged event " + pending.eventId()
                    + " for " + pending.topic() + " for " + Duration.between(pending.since(), now).toSeconds() + " s");
        } else {
            health = switch (snapshot.state()) {
                case RUNNING -> Health.up();
                case NOT_STARTED, STARTING -> Health.unknown();
                case STOPPED -> Health.outOfService();
                case RESTARTING -> Health.down().withDetail("reason", snapshot.reason())
                        .withDetail("nextAttempt", snapshot.nextAttempt());
            };
        }
        health.withDetail("state", state)
                .withDetail("since", snapshot.since())
                .withDetail("restarts", snapshot.restarts())
                .withDetail("slot", properties.slotName())
                .withDetail("publication", properties.publicationName())
                .withDetail("eventsPerSecond", metrics.eventsPerSecond(now));
        Duration p50 = metrics.recentLagPercentile(50);
        if (p50 != null) {
            health.withDetail("captureLagP50Ms", p50.toNanos() / 1e6)
                    .withDetail("captureLagP99Ms", metrics.recentLagPercentile(99).toNanos() / 1e6);
        }
        SlotMonitor.Reading reading = slot.last();
        if (reading != null && reading.retainedWalBytes() != null) {
            health.withDetail("slotRetainedWalBytes", reading.retainedWalBytes())
                    .withDetail("slotUnconfirmedWalBytes", reading.unconfirmedWalBytes())
                    .withDetail("slotMeasuredAt", reading.at());
        }
        return health.build();
    }
}
