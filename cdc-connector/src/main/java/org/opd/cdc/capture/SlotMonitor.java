package org.opd.cdc.capture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;

import org.opd.cdc.CdcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Measures how much WAL the replication slot holds back: what PostgreSQL must keep on disk because the
 * connector has not confirmed it. It grows while capture is down or stalled and should stay small otherwise.
 */
@Component
class SlotMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlotMonitor.class);

    /** One measurement; {@code retainedWalBytes} is null while the slot does not exist yet. */
    record Reading(Long retainedWalBytes, Long unconfirmedWalBytes, boolean active, Instant at) {
    }

    private final CdcProperties properties;
    private final TaskScheduler scheduler;
    private volatile Reading last;
    private ScheduledFuture<?> task;

    SlotMonitor(CdcProperties properties, TaskScheduler scheduler, MeterRegistry registry) {
        this.properties = properties;
        this.scheduler = scheduler;
        Gauge.builder("opd.cdc.slot.retained.wal", this, monitor -> {
                    Reading reading = monitor.last;
                    return reading == null || reading.retainedWalBytes() == null ? Double.NaN : reading.retainedWalBytes();
                })
                .baseUnit("bytes")
                .description("WAL the replication slot keeps PostgreSQL from recycling (current LSN - restart_lsn)")
                .register(registry);
    }

    Reading last() {
        return last;
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::measure, properties.slotCheckInterval());
    }

    @Override
    public void stop() {
        task.cancel(false);
    }

    @Override
    public boolean isRunning() {
        return task != null && !task.isCancelled();
    }

    void measure() {
        CdcProperties.Database database = properties.database();
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        credentials.setProperty("password", database.password());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), credentials);
             PreparedStatement select = connection.prepareStatement("SELECT"
                     + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint,"
                     + " pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint, active"
                     + " FROM pg_replication_slots WHERE slot_name = ?")) {
            select.setString(1, properties.slotName());
            try (ResultSet slot = select.executeQuery()) {
                last = slot.next()
                        ? new Reading(slot.getLong(1), slot.getLong(2), slot.getBoolean(3), Instant.now())
                        : new Reading(null, null, false, Instant.now());
            }
        } catch (SQLException e) {
            log.warn("Cannot measure replication slot {}: {}", properties.slotName(), e.getMessage());
        }
    }
}
