package org.opd.orchestrator.token;

import java.time.LocalDate;

import org.opd.orchestrator.department.Department;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token numbers per department and day: the department's code and the day's count, e.g. CARD-045.
 * The count is taken from {@code token_sequences} in the transaction that inserts the token; the
 * row stays locked until it commits, so concurrent issues get distinct numbers, and a rolled-back
 * issue returns its number, leaving no gap.
 */
@Component
class TokenNumbers {

    private final JdbcClient jdbc;

    TokenNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(Department department, LocalDate serviceDate) {
        int number = jdbc.sql("""
                        INSERT INTO token_sequences (dept_id, service_date, last_number) VALUES (:deptId, :serviceDate, 1)
                        ON CONFLICT (dept_id, service_date) DO UPDATE SET last_number = token_sequences.last_number + 1
                        RETURNING last_number
                        """)
                .param("deptId", department.deptId())
                .param("serviceDate", serviceDate)
                .query(Integer.class).single();
        if (number > department.maxTokensPerDay()) {
            throw new DailyTokenLimitReachedException(department.deptId(), serviceDate, department.maxTokensPerDay());
        }
        return "%s-%03d".formatted(department.code(), number);
    }
}
