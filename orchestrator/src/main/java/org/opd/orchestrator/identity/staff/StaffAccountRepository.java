package org.opd.orchestrator.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.identity.RoleColumns;
import org.opd.orchestrator.identity.RoleScope;
import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffAccountRepository {

    private final JdbcClient jdbc;

    StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID accountId, String email, String displayName, String passwordHash, RoleScope scope) {
        jdbc.sql("""
                        INSERT INTO staff_accounts (account_id, hospital_id, email, display_name, password_hash, roles,
                                                    dept_id, doctor_id, must_change_password)
                        VALUES (:id, :hospitalId, :email, :displayName, :passwordHash, :roles::varchar[], :deptId, :doctorId, TRUE)
                        """)
                .param("id", accountId)
                .param("hospitalId", scope.hospitalId())
                .param("email", email)
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .param("roles", RoleColumns.literal(scope.roles()))
                .param("deptId", scope.deptId())
                .param("doctorId", scope.doctorId())
                .update();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_accounts)").query(Boolean.class).single();
    }

    Optional<StaffAccount> find(UUID accountId) {
        return jdbc.sql("SELECT * FROM staff_accounts WHERE account_id = :id").param("id", accountId)
                .query(StaffAccountRepository::map).optional();
    }

    Optional<StaffAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM staff_accounts WHERE lower(email) = lower(:email)").param("email", email)
                .query(StaffAccountRepository::map).optional();
    }

    List<StaffAccount> list(UUID hospitalId) {
        return jdbc.sql("""
                        SELECT * FROM staff_accounts WHERE CAST(:hospitalId AS uuid) IS NULL OR hospital_id = :hospitalId
                        ORDER BY lower(email)
                        """)
                .param("hospitalId", hospitalId).query(StaffAccountRepository::map).list();
    }

    /** Counts a failed sign-in; the failure that reaches the limit locks the account until {@code lockUntil}. */
    void recordFailure(UUID accountId, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE staff_accounts
                        SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END,
                            locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            updated_at = now()
                        WHERE account_id = :id
                        """)
                .param("id", accountId).param("max", maxFailures).param("lockUntil", Sql.timestamp(lockUntil)).update();
    }

    void recordSuccess(UUID accountId) {
        jdbc.sql("UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL WHERE account_id = :id AND failed_sign_ins > 0")
                .param("id", accountId).update();
    }

    /** The new password ends every session signed in with the old one. */
    void changePassword(UUID accountId, String passwordHash, Instant now) {
        jdbc.sql("""
                        UPDATE staff_accounts SET password_hash = :hash, must_change_password = FALSE,
                               tokens_valid_after = :now, updated_at = :now
                        WHERE account_id = :id
                        """)
                .param("id", accountId).param("hash", passwordHash).param("now", Sql.timestamp(now)).update();
    }

    void enrollTotp(UUID accountId, String sealedSecret, long step) {
        jdbc.sql("UPDATE staff_accounts SET totp_secret = :secret, totp_last_step = :step, updated_at = now() WHERE account_id = :id")
                .param("id", accountId).param("secret", sealedSecret).param("step", step).update();
    }

    /** @return false when a code of this or a later time step was already accepted (a replay) */
    boolean acceptTotpStep(UUID accountId, long step) {
        return jdbc.sql("""
                        UPDATE staff_accounts SET totp_last_step = :step
                        WHERE account_id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
                        """)
                .param("id", accountId).param("step", step).update() == 1;
    }

    void disable(UUID accountId, Instant now) {
        jdbc.sql("UPDATE staff_accounts SET status = 'DISABLED', tokens_valid_after = :now, updated_at = :now WHERE account_id = :id")
                .param("id", accountId).param("now", Sql.timestamp(now)).update();
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(
                Sql.uuid(rs, "account_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                new RoleScope(RoleColumns.read(rs.getArray("roles")), Sql.uuid(rs, "hospital_id"), Sql.uuid(rs, "dept_id"),
                        Sql.uuid(rs, "doctor_id")),
                AccountStatus.valueOf(rs.getString("status")) == AccountStatus.ACTIVE,
                rs.getBoolean("must_change_password"),
                rs.getString("totp_secret"),
                Sql.instant(rs, "locked_until"),
                Sql.instant(rs, "tokens_valid_after"));
    }
}
