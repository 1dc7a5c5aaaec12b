package org.opd.orchestrator.audit;

import java.time.LocalDate;

import org.opd.orchestrator.storage.MonthlyPartitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The month partitions of {@code audit_log} (UTC months of {@code occurred_at}), by the migration's
 * {@code ensure_audit_log_partition} and {@code drop_audit_log_partitions}.
 */
@Component
class AuditPartitions {

    private final JdbcClient jdbc;
    private final MonthlyPartitions months;

    AuditPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.months = new MonthlyPartitions(jdbc, transactions, "audit_log", "ensure_audit_log_partition");
    }

    void ensureFor(LocalDate day) {
        months.ensureFor(day);
    }

    MonthlyPartitions months() {
        return months;
    }

    boolean exists(LocalDate day) {
        return months.exists(day);
    }

    /** Drops the months wholly before the day; the database refuses a day within the last 365. @return how many */
    int dropBefore(LocalDate day) {
        return jdbc.sql("SELECT drop_audit_log_partitions(:day)").param("day", day).query(Integer.class).single();
    }
}
