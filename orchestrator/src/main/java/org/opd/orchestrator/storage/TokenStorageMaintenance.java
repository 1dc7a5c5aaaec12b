package org.opd.orchestrator.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps {@code tokens} partitioned ahead and small: at start and every {@code maintenance-interval},
 * creates the partitions of this month and the next {@code months-ahead}, and moves tokens of days
 * more than {@code archive-after} ago to {@code tokens_archive}. Days are counted in UTC: a day's
 * difference at the edge does not matter for a retention of months.
 */
@Configuration(proxyBeanMethods = false)
class TokenStorageMaintenance implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TokenStorageMaintenance.class);

    private final TokenPartitions partitions;
    private final TokenStorageProperties properties;
    private final Clock clock;

    TokenStorageMaintenance(TokenPartitions partitions, TokenStorageProperties properties, Clock clock) {
        this.partitions = partitions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::maintain, properties.maintenanceInterval());
    }

    void maintain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int month = 0; month <= properties.monthsAhead(); month++) {
            partitions.ensureFor(today.plusMonths(month));
        }
        LocalDate cutOff = today.minusDays(properties.archiveAfter().toDays());
        int archived = partitions.archiveBefore(cutOff);
        if (archived > 0) {
            log.info("Archived {} tokens of days before {}", archived, cutOff);
        }
    }
}
