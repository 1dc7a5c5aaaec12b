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
import org.opd.orchestrator.outbox.OutboxEvent;
import org.opd.orchestrator.outbox.OutboxWriter;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.AccountTokenPurpose;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-use tokens for e-mail confirmation and password reset (spec 002 {@code users_tokens}): 32
 * random bytes handed to the person once; only their SHA-256 is kept; each works once and until
 * it expires. Either {@link #mail e-mailed} to the account's owner (through the outbox and the
 * notifier, the token sealed on the way) or {@link #issue issued} to an administrator who passes it on.
 */
@Service
public class AccountTokens {

    private static final Logger log = LoggerFactory.getLogger(AccountTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A reset asked for again within this time mails nothing new, so the form cannot flood an inbox. */
    private static final Duration RESET_MAIL_INTERVAL = Duration.ofMinutes(1);
    private static final Duration RESET_VALIDITY = Duration.ofHours(1);
    private static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final OutboxWriter outbox;
    private final OneTimeCodeSeal seal;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, StaffAccounts accounts, OutboxWriter outbox, OneTimeCodeSeal seal, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.seal = seal;
        this.clock = clock;
    }

    /** Issues a token and e-mails it to the account's owner as a link; the token and its event commit together. */
    @Transactional
    public void mail(UUID accountId, AccountTokenPurpose purpose) {
        IssuedAccountToken issued = issue(accountId, purpose);
        UUID eventId = UUID.randomUUID();
        outbox.append(new OutboxEvent(eventId, Topics.ACCOUNT_AGGREGATE, accountId.toString(), AccountLinkIssued.TYPE,
                AccountLinkIssued.SCHEMA_VERSION, new AccountLinkIssued(AccountLinkIssued.SCHEMA_VERSION, eventId,
                        clock.instant(), accountId, purpose, seal.seal(issued.token(), accountId), issued.expiresAt())));
        log.info("{} link for account {} to be mailed, event {}", purpose, accountId, eventId);
    }

    /**
     * "Forgot my password": mails a reset link if an active account has the address; returns normally
     * either way, so that the answer does not tell which addresses have accounts.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        accounts.findByEmail(email).filter(StaffAccount::active).ifPresent(account -> {
            if (recentlyMailedReset(account.accountId())) {
                log.info("Password reset for account {} asked again within {}; nothing new mailed", account.accountId(),
                        RESET_MAIL_INTERVAL);
            } else {
                mail(account.accountId(), AccountTokenPurpose.RESET_PASSWORD);
            }
        });
    }

    private boolean recentlyMailedReset(UUID accountId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM users_tokens
                                       WHERE account_id = :account AND context = :context AND created_at > :since)
                        """)
                .param("account", accountId).param("context", AccountTokenPurpose.RESET_PASSWORD.name())
                .param("since", Sql.timestamp(clock.instant().minus(RESET_MAIL_INTERVAL)))
                .query(Boolean.class).single();
    }

    /** A new token replaces the account's unused ones of the same purpose. */
    @Transactional
    public IssuedAccountToken issue(UUID accountId, AccountTokenPurpose purpose) {
        accounts.require(accountId);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(purpose == AccountTokenPurpose.RESET_PASSWORD ? RESET_VALIDITY : CONFIRM_VALIDITY);
        jdbc.sql("DELETE FROM users_tokens WHERE account_id = :account AND context = :context AND used_at IS NULL")
                .param("account", accountId).param("context", purpose.name()).update();
        jdbc.sql("""
                        INSERT INTO users_tokens (token_id, account_id, token_hash, context, created_at, expires_at)
                        VALUES (:id, :account, :hash, :context, :now, :expiresAt)
                        """)
                .param("id", UUID.randomUUID()).param("account", accountId).param("hash", hash(token))
                .param("context", purpose.name()).param("now", Sql.timestamp(now)).param("expiresAt", Sql.timestamp(expiresAt))
                .update();
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
