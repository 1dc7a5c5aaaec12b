package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class LogSafeTest {

    @Test
    void keepsOnlyTypeAndSqlStateOfDatabaseFailuresWhichQuoteTheRow() {
        SQLException sql = new SQLException("ERROR: check violation. Detail: Failing row contains (+919800000001, Your OPD token)",
                "23514");
        var failure = new DataIntegrityViolationException("PreparedStatementCallback; Failing row contains (+919800000001)", sql);

        assertThat(LogSafe.failure(failure))
                .isEqualTo("DataIntegrityViolationException ← SQLException [SQLState 23514]")
                .doesNotContain("9198");
    }

    @Test
    void keepsTheMessagesOfOtherFailures() {
        var failure = new RuntimeException("listener failed", new IllegalStateException("Token 42 is not in the database"));

        assertThat(LogSafe.failure(failure))
                .isEqualTo("RuntimeException: listener failed ← IllegalStateException: Token 42 is not in the database");
    }
}
