package org.opd.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class AuditStorageIT extends OrchestratorIntegrationTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'audit_log_'yyyy_MM");

    @Autowired
    private AuditStorageMaintenance maintenance;

    @Autowired
    private AuditProperties properties;

    @Test
    void keepsTheTrailInMonthlyPartitionsCreatedAhead() {
        maintenance.maintain();

        assertThat(jdbc.sql("SELECT pg_get_partkeydef('audit_log'::regclass)").query(String.class).single())
                .isEqualTo("RANGE (occurred_at)");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(partitionNames()).containsAll(IntStream.rangeClosed(0, 3)
                .mapToObj(month -> today.plusMonths(month).format(MONTH)).toList());
        assertThat(jdbc.sql("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = :name")
                .param("name", today.format(MONTH)).query(String.class).single())
                .contains(today.withDayOfMonth(1).toString());
    }

    @Test
    void dropsOnlyTheMonthsWhollyPastTheRetention() {
        // Given months of the trail from long ago, from just before the cut-off, and within the retention
        assertThat(properties.retention().toDays()).isEqualTo(400);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expired = today.minusDays(500);
        LocalDate cutOffMonth = today.minusDays(400);
        LocalDate kept = today.minusDays(370);
        for (LocalDate day : List.of(expired, cutOffMonth, kept)) {
            jdbc.sql("SELECT ensure_audit_log_partition(:day)").param("day", day).query(String.class).single();
        }

        // When the maintenance runs
        maintenance.maintain();

        // Then only the month that ended before the cut-off is gone
        assertThat(partitionNames()).doesNotContain(expired.format(MONTH))
                .contains(cutOffMonth.format(MONTH), kept.format(MONTH), today.format(MONTH));
    }

    @Test
    void theDatabaseRefusesToDropMonthsOfTheLastYear() {
        LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(100);

        assertThatThrownBy(() -> jdbc.sql("SELECT drop_audit_log_partitions(:day)").param("day", recent)
                .query(Integer.class).single())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("at least 365 days");
        assertThat(partitionNames()).contains(LocalDate.now(ZoneOffset.UTC).format(MONTH));
    }

    private List<String> partitionNames() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'audit_log'::regclass
                        """).query(String.class).list();
    }
}
