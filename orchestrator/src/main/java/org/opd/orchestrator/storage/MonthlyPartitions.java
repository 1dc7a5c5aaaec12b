package org.opd.orchestrator.storage;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month partitions {@code <table>_YYYY_MM} of one table partitioned by range of a day or a
 * time, as the migrations' {@code month_partition_name} names them. Months are UTC months.
 */
public final class MonthlyPartitions {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String table;
    private final String ensureFunction;

    /**
     * @param ensureFunction the SQL function {@code f(day DATE)} that creates the day's partition
     *                       unless it exists ({@code ensure_token_partition}, {@code ensure_audit_log_partition})
     */
    public MonthlyPartitions(JdbcClient jdbc, PlatformTransactionManager transactions, String table, String ensureFunction) {
        this.jdbc = jdbc;
        this.table = table;
        this.ensureFunction = ensureFunction;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Makes sure rows of the given day can be stored. A missing partition is created in a
     * transaction of its own, committed at once: the caller's transaction then holds no lock the
     * attachment could wait for, and the partition is kept even when the caller rolls back. The
     * usual case, a partition that exists, costs one catalogue look-up on the caller's connection.
     */
    public void ensureFor(LocalDate day) {
        if (!exists(day)) {
            ownTransaction.executeWithoutResult(status ->
                    jdbc.sql("SELECT " + ensureFunction + "(:day)").param("day", day).query(String.class).single());
        }
    }

    /** Creates the partitions of the month of {@code today} and of the {@code monthsAhead} months after it. */
    public void ensureAhead(LocalDate today, int monthsAhead) {
        for (int month = 0; month <= monthsAhead; month++) {
            ensureFor(today.plusMonths(month));
        }
    }

    /** Whether the month partition of the day exists. */
    public boolean exists(LocalDate day) {
        return jdbc.sql("SELECT to_regclass(month_partition_name(:table, :day)) IS NOT NULL")
                .param("table", table).param("day", day)
                .query(Boolean.class).single();
    }
}
