package org.opd.orchestrator.identity.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-use tokens for e-mail confirmation and password reset (spec 002 {@code users_tokens}): 32
 * random bytes handed to the person once; only their SHA-256 is kept; each works once and until
 * it expires. An administrator issues them and passes the link on (this system sends no e-mail).
 */
@Service
public class AccountTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration RESET_VALIDITY = Duration.ofHours(1);
    private static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, StaffAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token replaces the account's unused ones of the same purpose. */
    @Transactional
    public IssuedAccountToken issue(UUID accountId, AccountTokenPurpose purpose) {
        accounts.require(accountId);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expiresAt = clock.instant().plus(purpose == AccountTokenPurpose.RESET_PASSWORD ? RESET_VALIDITY : CONFIRM_VALIDITY);
        jdbc.sql("DELETE FROM users_tokens WHERE account_id = :account AND context = :context AND used_at IS NULL")
                .param("account", accountId).param("context", purpose.name()).update();
        jdbc.sql("""
                        INSERT INTO users_tokens (token_id, account_id, token_hash, context, expires_at)
                        VALUES (:id, :account, :hash, :context, :expiresAt)
                        """)
                .param("id", UUID.randomUUID()).param("account", accountId).param("hash", hash(token))
                .param("context", purpose.name()).param("expiresAt", Sql.timestamp(expiresAt)).update();
        return new IssuedAccountToken(token, expiresAt);
    }

    /** Sets a new password with a reset token; the token is spent whatever follows. */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        accounts.changePassword(spend(token, AccountTokenPurpose.RESET_PASSWORD), newPassword);
    }

    @Transactional
    public void confirmEmail(String token) {
        UUID accountId = spend(token, AccountTokenPurpose.CONFIRM_EMAIL);
        jdbc.sql("UPDATE staff_accounts SET email_confirmed_at = :now WHERE account_id = :id")
                .param("id", accountId).param("now", Sql.timestamp(clock.instant())).update();
    }

    private UUID spend(String token, AccountTokenPurpose purpose) {
        Optional<UUID> account = token == null ? Optional.empty() : jdbc.sql("""
                        UPDATE users_tokens SET used_at = :now
                        WHERE context = :context AND token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING account_id
                        """)
                .param("context", purpose.name()).param("hash", hash(token)).param("now", Sql.timestamp(clock.instant()))
                .query(UUID.class).optional();
        return account.orElseThrow(() -> new InvalidInputException("token", "is unknown, already used or expired"));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token to hand over, shown once. */
    public record IssuedAccountToken(String token, Instant expiresAt) {
    }
}
