package org.opd.orchestrator.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The job that keeps a table partitioned by month in shape, run once at start and then every
 * {@code interval}: it creates the partitions of this month and of the {@code monthsAhead} after
 * it, and expires what is older than {@code keep} (the subclass says how: moved to an archive,
 * months dropped). Days are counted in UTC: a day's difference at the edge does not matter for
 * retentions of months.
 */
public abstract class StorageMaintenance implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);

    private final String expired;
    private final Duration interval;
    private final int monthsAhead;
    private final Duration keep;
    private final Clock clock;

    /** @param expired what {@link #expireBefore} counts, for the log ("tokens archived") */
    protected StorageMaintenance(String expired, Duration interval, int monthsAhead, Duration keep, Clock clock) {
        this.expired = expired;
        this.interval = interval;
        this.monthsAhead = monthsAhead;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::maintain, interval);
    }

    /** Runs the maintenance now, for today in UTC. */
    public void maintain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        partitions().ensureAhead(today, monthsAhead);
        LocalDate cutOff = today.minusDays(keep.toDays());
        int count = expireBefore(cutOff);
        if (count > 0) {
            log.info("{} {} of days before {}", count, expired, cutOff);
        }
    }

    protected abstract MonthlyPartitions partitions();

    /** Takes out what is older than the day. @return how many (rows, partitions) */
    protected abstract int expireBefore(LocalDate cutOff);
}
