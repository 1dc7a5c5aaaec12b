package org.opd.orchestrator.identity.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.error.DuplicateException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.identity.CredentialRevoked;
import org.opd.orchestrator.identity.IdentityProperties;
import org.opd.orchestrator.identity.RoleScope;
import org.opd.orchestrator.identity.RoleScopeCheck;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: opened by an administrator, signed in with e-mail and password (bcrypt), locked
 * for a while after repeated failures, with a TOTP second factor that administrators must use.
 */
@Service
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 128;
    private static final String TOTP_ISSUER = "OPD";

    private final StaffAccountRepository repository;
    private final PasswordEncoder passwords;
    private final RoleScopeCheck scopeCheck;
    private final SecretSealer sealer;
    private final TotpCodes totp = new TotpCodes();
    private final ApplicationEventPublisher events;
    private final IdentityProperties.Lockout lockout;
    private final Clock clock;

    StaffAccounts(StaffAccountRepository repository, PasswordEncoder passwords, RoleScopeCheck scopeCheck, SecretSealer sealer,
                  ApplicationEventPublisher events, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.scopeCheck = scopeCheck;
        this.sealer = sealer;
        this.events = events;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    @Transactional
    public StaffAccount open(NewStaffAccount account, Caller grantor) {
        if (account.scope().roles().stream().anyMatch(role -> !role.isStaff())) {
            throw new InvalidInputException("roles", "may only hold staff roles");
        }
        scopeCheck.check(account.scope(), grantor);
        return insert(account);
    }

    /** The first administrator, from configuration, when no account exists yet. */
    @Transactional
    public void ensureBootstrapAdmin(String email, String password) {
        if (!repository.any()) {
            insert(new NewStaffAccount(email, "Administrator", password, new RoleScope(Set.of(Role.ADMIN), null, null, null)));
            log.info("Bootstrap administrator created; the password must be changed at first sign-in");
        }
    }

    public Optional<StaffAccount> find(UUID accountId) {
        return repository.find(accountId);
    }

    public StaffAccount require(UUID accountId) {
        return find(accountId).orElseThrow(() -> new NotFoundException("staff account", accountId));
    }

    public Optional<StaffAccount> findByEmail(String email) {
        return repository.findByEmail(email);
    }

    public List<StaffAccount> list(UUID hospitalId) {
        return repository.list(hospitalId);
    }

    /** A wrong password or code; the one that reaches the limit locks the account. */
    public void recordFailure(UUID accountId) {
        repository.recordFailure(accountId, lockout.maxFailures(), clock.instant().plus(lockout.lockFor()));
    }

    public void recordSuccess(UUID accountId) {
        repository.recordSuccess(accountId);
    }

    @Transactional
    public void changePassword(UUID accountId, String newPassword) {
        StaffAccount account = require(accountId);
        checkPassword(newPassword, account.email());
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new InvalidInputException("newPassword", "must differ from the current password");
        }
        repository.changePassword(accountId, passwords.encode(newPassword), clock.instant());
        events.publishEvent(new CredentialRevoked(accountId.toString()));
    }

    /** A new secret to show the person once, with its {@code otpauth://} URI; kept only once a code confirms it. */
    public TotpEnrollment newTotpSecret(UUID accountId) {
        String secret = TotpCodes.newSecret();
        return new TotpEnrollment(secret, TotpCodes.otpauthUri(TOTP_ISSUER, require(accountId).email(), secret));
    }

    /** @return whether the code proves the person's app holds the secret; if so the secret is kept */
    @Transactional
    public boolean enrollTotp(UUID accountId, String secret, String code) {
        OptionalLong step = totp.verify(secret, code, clock.instant());
        if (step.isEmpty()) {
            recordFailure(accountId);
            return false;
        }
        repository.enrollTotp(accountId, sealer.seal(secret), step.getAsLong());
        return true;
    }

    /** @return whether the code is right and not used before; a wrong one counts as a failed sign-in */
    @Transactional
    public boolean verifyTotp(UUID accountId, String code) {
        StaffAccount account = require(accountId);
        OptionalLong step = account.hasTotp() ? totp.verify(sealer.open(account.sealedTotpSecret()), code, clock.instant())
                : OptionalLong.empty();
        if (step.isEmpty() || !repository.acceptTotpStep(accountId, step.getAsLong())) {
            recordFailure(accountId);
            return false;
        }
        return true;
    }

    @Transactional
    public StaffAccount disable(UUID accountId) {
        require(accountId);
        repository.disable(accountId, clock.instant());
        events.publishEvent(new CredentialRevoked(accountId.toString()));
        log.info("Staff account {} disabled", accountId);
        return require(accountId);
    }

    public Instant now() {
        return clock.instant();
    }

    private StaffAccount insert(NewStaffAccount account) {
        checkPassword(account.initialPassword(), account.email());
        UUID id = UUID.randomUUID();
        try {
            repository.insert(id, account.email(), account.displayName(), passwords.encode(account.initialPassword()), account.scope());
        } catch (DuplicateKeyException e) {
            throw new DuplicateException("email", "An account with this e-mail exists");
        }
        return require(id);
    }

    private static void checkPassword(String password, String email) {
        String field = "password";
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(field, "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        String localPart = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase();
        if (localPart.length() >= 3 && password.toLowerCase().contains(localPart)) {
            throw new InvalidInputException(field, "must not contain the e-mail address");
        }
    }

    /** A TOTP secret offered for enrolment. */
    public record TotpEnrollment(String secret, String otpauthUri) {
    }
}
