package org.opd.cdc.publish;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;

import org.opd.cdc.CdcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes outbox rows once Kafka acknowledged their events, in batches, so the table does not grow
 * without bound. Capture reads the WAL, not the table, so a deleted row is never lost to Kafka; the
 * publication leaves deletes out, so clean-up produces no events.
 * <p>
 * Rows whose acknowledgement this process never saw (it was killed before the delete) go once they
 * are older than the retention.
 */
@Component
public class OutboxCleaner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);
    private static final int DELETE_BATCH = 5_000;

    private final CdcProperties properties;
    private final TaskScheduler scheduler;
    private final Counter deleted;
    private final ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> task;
    private Instant lastRetentionSweep = Instant.EPOCH;

    OutboxCleaner(CdcProperties properties, TaskScheduler scheduler, MeterRegistry registry) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.deleted = Counter.builder("opd.cdc.outbox.deleted")
                .description("Outbox rows deleted after Kafka acknowledged their events")
                .register(registry);
    }

    void acknowledged(List<UUID> eventIds) {
        acknowledged.addAll(eventIds);
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::cleanUp, properties.cleanupInterval());
    }

    @Override
    public void stop() {
        task.cancel(false);
        // Deletes what was acknowledged so far, so a clean stop leaves only unpublished rows.
        cleanUp();
    }

    @Override
    public boolean isRunning() {
        return task != null && !task.isCancelled();
    }

    void cleanUp() {
        if (acknowledged.isEmpty() && lastRetentionSweep.plus(properties.cleanupInterval().multipliedBy(60)).isAfter(Instant.now())) {
            return;
        }
        CdcProperties.Database database = properties.database();
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        credentials.setProperty("password", database.password());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), credentials)) {
            deleteAcknowledged(connection);
            deleteExpired(connection);
        } catch (SQLException e) {
            // The ids not yet deleted stay queued, and old rows go with the next retention sweep.
            log.warn("Outbox clean-up failed, retrying in {}: {}", properties.cleanupInterval(), e.getMessage());
        }
    }

    private void deleteAcknowledged(Connection connection) throws SQLException {
        List<UUID> batch = new ArrayList<>(DELETE_BATCH);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            while (true) {
                batch.clear();
                for (UUID id = acknowledged.peek(); id != null && batch.size() < DELETE_BATCH; id = acknowledged.peek()) {
                    batch.add(acknowledged.poll());
                }
                if (batch.isEmpty()) {
                    return;
                }
                Array ids = connection.createArrayOf("uuid", batch.toArray());
                try {
                    delete.setArray(1, ids);
                    deleted.increment(delete.executeUpdate());
                } catch (SQLException e) {
                    acknowledged.addAll(batch);
                    throw e;
                }
            }
        }
    }

    private void deleteExpired(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE created_at < now() - ? * interval '1 second'")) {
            delete.setLong(1, properties.outboxRetention().toSeconds());
            int rows = delete.executeUpdate();
            if (rows > 0) {
                deleted.increment(rows);
                log.info("Deleted {} outbox rows older than {}", rows, properties.outboxRetention());
            }
        }
        lastRetentionSweep = Instant.now();
    }
}
