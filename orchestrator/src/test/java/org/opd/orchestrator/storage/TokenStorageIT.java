package org.opd.orchestrator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class TokenStorageIT extends OrchestratorIntegrationTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'tokens_'yyyy_MM");

    @Autowired
    private TokenStorageMaintenance maintenance;

    @Autowired
    private TokenPartitions partitions;

    @Test
    void keepsTokensInMonthlyPartitionsCreatedAhead() {
        // Given the maintenance ran (it runs at start, and again here)
        maintenance.maintain();

        // Then tokens is partitioned by service date, with this month's and the next three months' partitions
        assertThat(jdbc.sql("SELECT pg_get_partkeydef('tokens'::regclass)").query(String.class).single())
                .isEqualTo("RANGE (service_date)");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(partitionNames()).containsAll(IntStream.rangeClosed(0, 3)
                .mapToObj(month -> today.plusMonths(month).format(MONTH)).toList());
    }

    @Test
    void aShiftFarAheadBringsItsPartitionSoItsTokensCanBeIssued() {
        // Given a doctor planned eight months ahead, beyond the partitions made ahead
        Clinic clinic = Clinic.open(api);
        LocalDate farAhead = Clinic.today().plusMonths(8);
        clinic.shift(farAhead);

        // When a token is booked for that day
        Api.Reply issued = clinic.issue(clinic.patient(), 1, farAhead);

        // Then it is issued, and stored in that month's partition
        assertThat(issued.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM tokens WHERE token_id = :id::uuid")
                .param("id", issued.text("tokenId")).query(String.class).single()).isEqualTo(farAhead.format(MONTH));
    }

    @Test
    void movesTokensOlderThanTheRetentionToTheArchiveKeepingTheirHistory() {
        // Given a completed token of 200 days ago (moved there, since the API books no past days) and one of today
        Clinic clinic = Clinic.open(api);
        String old = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        api.post("/tokens/" + old + "/start");
        api.post("/tokens/" + old + "/complete");
        String current = clinic.token(1).get("tokenId").asText();
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(200);
        partitions.ensureFor(longAgo);
        jdbc.sql("UPDATE tokens SET service_date = :day WHERE token_id = :id::uuid")
                .param("day", longAgo).param("id", old).update();
        jdbc.sql("INSERT INTO token_sequences (dept_id, service_date, last_number) VALUES (:dept::uuid, :day, 1)")
                .param("dept", clinic.deptId).param("day", longAgo).update();

        // When the maintenance runs with the 90-day retention
        maintenance.maintain();

        // Then the old token is in the archive as it was, its history kept, its emptied partition gone
        assertThat(jdbc.sql("SELECT status || ' ' || service_date FROM tokens_archive WHERE token_id = :id::uuid")
                .param("id", old).query(String.class).single()).isEqualTo("COMPLETED " + longAgo);
        assertThat(api.get("/tokens/" + old).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM token_history WHERE token_id = :id::uuid").param("id", old)
                .query(Integer.class).single()).isEqualTo(6);
        assertThat(partitionNames()).doesNotContain(longAgo.format(MONTH));
        assertThat(jdbc.sql("SELECT count(*) FROM token_sequences WHERE service_date < :day")
                .param("day", LocalDate.now(ZoneOffset.UTC).minusDays(90)).query(Integer.class).single()).isZero();

        // And today's token stays where it was
        assertThat(api.get("/tokens/" + current).text("status")).isEqualTo("BOOKED");
        assertThat(jdbc.sql("SELECT count(*) FROM tokens_archive WHERE token_id = :id::uuid").param("id", current)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void keysTheTokensByIdAndDayAndKeepsNumbersUniquePerDepartmentAndDay() {
        String primaryKey = jdbc.sql("""
                        SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                        WHERE c.conrelid = 'tokens'::regclass AND c.contype = 'p'
                        """).query(String.class).single();
        String unique = jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'tokens'::regclass AND contype = 'u'")
                .query(String.class).single();

        assertThat(primaryKey).isEqualTo("token_id,service_date");
        assertThat(unique).isEqualTo("UNIQUE (dept_id, service_date, token_number)");
    }

    private List<String> partitionNames() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'tokens'::regclass
                        """).query(String.class).list();
    }
}
