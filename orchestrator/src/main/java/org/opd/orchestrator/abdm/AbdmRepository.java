package org.opd.orchestrator.abdm;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counters, the tokens issued to shared profiles and patients' ABHA columns (V91). */
@Repository
class AbdmRepository {

    /** The token a share got: what a replay answers again. */
    record SharedToken(UUID shareId, UUID tokenId, String tokenNumber) {
    }

    private final JdbcClient jdbc;

    AbdmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveCounter(String hipId, String counterCode, UUID deptId) {
        jdbc.sql("""
                        INSERT INTO abdm_counters (hip_id, counter_code, dept_id) VALUES (:hip, :code, :dept)
                        ON CONFLICT (hip_id, counter_code) DO UPDATE SET dept_id = EXCLUDED.dept_id""")
                .param("hip", hipId).param("code", counterCode).param("dept", deptId).update();
    }

    Optional<UUID> departmentOf(String hipId, String counterCode) {
        return jdbc.sql("SELECT dept_id FROM abdm_counters WHERE hip_id = :hip AND counter_code = :code")
                .param("hip", hipId).param("code", counterCode).query(UUID.class).optional();
    }

    Optional<SharedToken> byRequest(String requestId) {
        return jdbc.sql("""
                        SELECT t.share_id, t.token_id, t.token_number FROM abdm_share_requests r
                        JOIN abdm_share_tokens t ON t.share_id = r.share_id WHERE r.request_id = :id""")
                .param("id", requestId).query(AbdmRepository::map).optional();
    }

    Optional<SharedToken> ofDay(UUID deptId, String abhaNumber, LocalDate day) {
        return jdbc.sql("""
                        SELECT share_id, token_id, token_number FROM abdm_share_tokens
                        WHERE dept_id = :d AND abha_number = :abha AND share_day = :day""")
                .param("d", deptId).param("abha", abhaNumber).param("day", day).query(AbdmRepository::map).optional();
    }

    UUID recordToken(UUID deptId, String abhaNumber, LocalDate day, UUID patientId, UUID tokenId, String tokenNumber) {
        return jdbc.sql("""
                        INSERT INTO abdm_share_tokens (dept_id, abha_number, share_day, patient_id, token_id, token_number)
                        VALUES (:d, :abha, :day, :p, :t, :n) RETURNING share_id""")
                .param("d", deptId).param("abha", abhaNumber).param("day", day).param("p", patientId)
                .param("t", tokenId).param("n", tokenNumber).query(UUID.class).single();
    }

    void recordRequest(String requestId, UUID shareId) {
        jdbc.sql("INSERT INTO abdm_share_requests (request_id, share_id) VALUES (:id, :s) ON CONFLICT DO NOTHING")
                .param("id", requestId).param("s", shareId).update();
    }

    /** Shares of one ABHA number at one department on one day, and of one request id, are handled one at a time. */
    void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "abdm " + key).query().singleRow();
    }

    Optional<UUID> patientWithAbha(UUID hospitalId, String abhaNumber) {
        return jdbc.sql("SELECT patient_id FROM patients WHERE hospital_id = :h AND abha_number = :abha")
                .param("h", hospitalId).param("abha", abhaNumber).query(UUID.class).optional();
    }

    /** Links the ABHA to a patient found by phone and name, unless that patient already has another. */
    void linkAbha(UUID patientId, String abhaNumber, String abhaAddress) {
        jdbc.sql("""
                        UPDATE patients SET abha_number = :abha, abha_address = COALESCE(:addr, abha_address), updated_at = now()
                        WHERE patient_id = :p AND abha_number IS NULL""")
                .param("abha", abhaNumber).param("addr", abhaAddress).param("p", patientId).update();
    }

    /**
     * The ACTIVE doctor of the department on a shift still on at {@code time} of {@code day} with the
     * fewest tokens holding a place in it: the shortest line the counter's patient can join.
     */
    Optional<UUID> leastLoadedDoctor(UUID deptId, LocalDate day, LocalTime time) {
        return jdbc.sql("""
                        SELECT cd.doctor_id FROM cabin_doctors cd
                        JOIN cabins c ON c.cabin_id = cd.cabin_id
                        JOIN doctors d ON d.doctor_id = cd.doctor_id
                        WHERE c.dept_id = :dept AND cd.shift_date = :day AND cd.status IN ('SCHEDULED', 'ACTIVE')
                          AND cd.shift_start_time <= :time AND cd.shift_end_time >= :time AND d.status = 'ACTIVE'
                        ORDER BY (SELECT count(*) FROM tokens t WHERE t.assignment_id = cd.assignment_id
                                  AND t.status NOT IN ('CANCELLED', 'RESCHEDULED')), cd.shift_start_time, cd.doctor_id
                        LIMIT 1""")
                .param("dept", deptId).param("day", day).param("time", time).query(UUID.class).optional();
    }

    private static SharedToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SharedToken(rs.getObject("share_id", UUID.class), rs.getObject("token_id", UUID.class), rs.getString("token_number"));
    }
}
