package org.opd.orchestrator.storage;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month partitions of {@code tokens} and the move of old tokens to {@code tokens_archive}, by
 * the migration's functions {@code ensure_token_partition} and {@code archive_tokens}.
 */
@Component
public class TokenPartitions {

    private final JdbcClient jdbc;

    TokenPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure tokens of the given day can be stored. In a transaction of its own, committed at
     * once: the caller's transaction holds no lock the partition's attachment could wait for, and a
     * partition is worth keeping even when the caller rolls back.
     *
     * @return the partition's name
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String ensureFor(LocalDate day) {
        return jdbc.sql("SELECT ensure_token_partition(:day)").param("day", day).query(String.class).single();
    }

    /** @return how many tokens moved to the archive */
    @Transactional
    public int archiveBefore(LocalDate day) {
        return jdbc.sql("SELECT archive_tokens(:day)").param("day", day).query(Integer.class).single();
    }
}
