package org.opd.orchestrator.storage;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code tokens} partitioned ahead and small: at start and every {@code maintenance-interval},
 * creates the partitions of this month and the next {@code months-ahead}, and moves tokens of days
 * more than {@code archive-after} ago to {@code tokens_archive}.
 */
@Configuration(proxyBeanMethods = false)
class TokenStorageMaintenance extends StorageMaintenance {

    private final TokenPartitions partitions;

    TokenStorageMaintenance(TokenPartitions partitions, TokenStorageProperties properties, Clock clock) {
        super("tokens archived", properties.maintenanceInterval(), properties.monthsAhead(), properties.archiveAfter(), clock);
        this.partitions = partitions;
    }

    @Override
    protected MonthlyPartitions partitions() {
        return partitions.months();
    }

    @Override
    protected int expireBefore(LocalDate cutOff) {
        return partitions.archiveBefore(cutOff);
    }
}
