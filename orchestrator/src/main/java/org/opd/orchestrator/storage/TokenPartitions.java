package org.opd.orchestrator.storage;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month partitions of {@code tokens} and the move of old tokens to {@code tokens_archive}, by
 * the migration's functions {@code ensure_token_partition} and {@code archive_tokens}.
 */
@Component
public class TokenPartitions {

    private final JdbcClient jdbc;
    private final MonthlyPartitions months;

    TokenPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.months = new MonthlyPartitions(jdbc, transactions, "tokens", "ensure_token_partition");
    }

    /** Makes sure tokens of the given day can be stored: see {@link MonthlyPartitions#ensureFor}. */
    public void ensureFor(LocalDate day) {
        months.ensureFor(day);
    }

    MonthlyPartitions months() {
        return months;
    }

    /** Whether the month partition of the day's tokens exists. */
    public boolean exists(LocalDate day) {
        return months.exists(day);
    }

    /** @return how many tokens moved to the archive */
    @Transactional
    public int archiveBefore(LocalDate day) {
        return jdbc.sql("SELECT archive_tokens(:day)").param("day", day).query(Integer.class).single();
    }
}
