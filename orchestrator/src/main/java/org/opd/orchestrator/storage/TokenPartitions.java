package org.opd.orchestrator.storage;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month partitions of {@code tokens} and the move of old tokens to {@code tokens_archive}, by
 * the migration's functions {@code ensure_token_partition} and {@code archive_tokens}.
 */
@Component
public class TokenPartitions {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    TokenPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Makes sure tokens of the given day can be stored. A missing partition is created in a
     * transaction of its own, committed at once: the caller's transaction then holds no lock the
     * attachment could wait for, and the partition is kept even when the caller rolls back. The
     * usual case, a partition that exists, costs one catalogue look-up on the caller's connection.
     */
    public void ensureFor(LocalDate day) {
        if (!exists(day)) {
            ownTransaction.executeWithoutResult(status ->
                    jdbc.sql("SELECT ensure_token_partition(:day)").param("day", day).query(String.class).single());
        }
    }

    /** Whether the month partition of the day's tokens exists. */
    public boolean exists(LocalDate day) {
        return jdbc.sql("SELECT to_regclass(token_partition_name(:day)) IS NOT NULL").param("day", day)
                .query(Boolean.class).single();
    }

    /** @return how many tokens moved to the archive */
    @Transactional
    public int archiveBefore(LocalDate day) {
        return jdbc.sql("SELECT archive_tokens(:day)").param("day", day).query(Integer.class).single();
    }
}
