package org.opd.orchestrator.redistribution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.leave.RedistributionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The applied plans and moves ({@code redistribution_plans}, {@code redistribution_moves}) and the departments' rule. */
@Repository
class RedistributionRecords {

    private final JdbcClient jdbc;

    RedistributionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the exception's row until the transaction ends: plans of one exception are applied one at a time. */
    void lockException(UUID exceptionId) {
        jdbc.sql("SELECT exception_id FROM schedule_exceptions WHERE exception_id = :id FOR UPDATE")
                .param("id", exceptionId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("schedule-exception", exceptionId));
    }

    Optional<String> appliedPlanVersion(UUID exceptionId) {
        return jdbc.sql("SELECT plan_version FROM redistribution_plans WHERE exception_id = :id")
                .param("id", exceptionId).query(String.class).optional();
    }

    /** Records the plan being applied; a later plan (for the tokens a first one could not move) replaces it. */
    void savePlan(UUID exceptionId, String planVersion, UUID appliedBy) {
        jdbc.sql("""
                        INSERT INTO redistribution_plans (exception_id, plan_version, applied_by) VALUES (:id, :version, :by)
                        ON CONFLICT (exception_id) DO UPDATE SET plan_version = :version, applied_by = :by, applied_at = now()
                        """)
                .param("id", exceptionId).param("version", planVersion).param("by", appliedBy).update();
    }

    /** @return false when the token already has a move for this exception: it is never moved twice */
    boolean claimMove(UUID exceptionId, AppliedMove move) {
        return jdbc.sql("""
                        INSERT INTO redistribution_moves (exception_id, token_id, outcome, from_doctor_id, to_doctor_id,
                                                          expected_wait_minutes)
                        VALUES (:id, :tokenId, :outcome, :from, :to, :wait)
                        ON CONFLICT (exception_id, token_id) DO NOTHING
                        """)
                .param("id", exceptionId).param("tokenId", move.tokenId()).param("outcome", move.outcome().name())
                .param("from", move.fromDoctorId()).param("to", move.toDoctorId()).param("wait", move.expectedWaitMinutes())
                .update() == 1;
    }

    void recordNewToken(UUID exceptionId, UUID tokenId, UUID newTokenId) {
        jdbc.sql("UPDATE redistribution_moves SET new_token_id = :newTokenId WHERE exception_id = :id AND token_id = :tokenId")
                .param("newTokenId", newTokenId).param("id", exceptionId).param("tokenId", tokenId).update();
    }

    List<AppliedMove> moves(UUID exceptionId) {
        return jdbc.sql("""
                        SELECT token_id, outcome, from_doctor_id, to_doctor_id, new_token_id, expected_wait_minutes
                        FROM redistribution_moves WHERE exception_id = :id ORDER BY moved_at, token_id
                        """)
                .param("id", exceptionId)
                .query((rs, row) -> new AppliedMove(Sql.uuid(rs, "token_id"), TokenOutcome.valueOf(rs.getString("outcome")),
                        Sql.uuid(rs, "from_doctor_id"), Sql.uuid(rs, "to_doctor_id"), Sql.uuid(rs, "new_token_id"),
                        Sql.integer(rs, "expected_wait_minutes")))
                .list();
    }

    void updateStatus(UUID exceptionId, RedistributionStatus status) {
        jdbc.sql("UPDATE schedule_exceptions SET redistribution_status = :status WHERE exception_id = :id")
                .param("status", status.name()).param("id", exceptionId).update();
    }

    /** @return false for an unknown department */
    boolean updateRule(UUID deptId, UnplacedTokenRule rule) {
        return jdbc.sql("UPDATE departments SET unplaced_token_rule = :rule, updated_at = now() WHERE dept_id = :id")
                .param("rule", rule.name()).param("id", deptId).update() == 1;
    }
}
