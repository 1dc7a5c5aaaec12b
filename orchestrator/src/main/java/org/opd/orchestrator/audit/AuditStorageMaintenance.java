package org.opd.orchestrator.audit;

import java.time.Clock;
import java.time.LocalDate;

import org.opd.orchestrator.storage.MonthlyPartitions;
import org.opd.orchestrator.storage.StorageMaintenance;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code audit_log} partitioned ahead and within its retention: at start and every
 * {@code maintenance-interval}, creates the partitions of this month and the next
 * {@code months-ahead}, and drops the months that ended more than {@code retention} ago. Rows are
 * never deleted one by one; a month is kept until all of it is past the retention.
 */
@Configuration(proxyBeanMethods = false)
class AuditStorageMaintenance extends StorageMaintenance {

    private final AuditPartitions partitions;

    AuditStorageMaintenance(AuditPartitions partitions, AuditProperties properties, Clock clock) {
        super("audit_log month partitions dropped", properties.maintenanceInterval(), properties.monthsAhead(),
                properties.retention(), clock);
        this.partitions = partitions;
    }

    @Override
    protected MonthlyPartitions partitions() {
        return partitions.months();
    }

    @Override
    protected int expireBefore(LocalDate cutOff) {
        return partitions.dropBefore(cutOff);
    }
}
