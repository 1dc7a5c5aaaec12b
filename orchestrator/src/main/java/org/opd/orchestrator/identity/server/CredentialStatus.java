package org.opd.orchestrator.identity.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.opd.orchestrator.identity.CredentialRevoked;
import org.opd.orchestrator.identity.client.ApiClient;
import org.opd.orchestrator.identity.client.ApiClients;
import org.opd.orchestrator.identity.staff.StaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses tokens of this issuer whose credential stopped being good after they were issued: a
 * revoked client or screen, a disabled account, a changed password. What the database says is
 * kept a few seconds per subject, and forgotten at once when this instance revokes it.
 */
@Component
public class CredentialStatus implements OAuth2TokenValidator<Jwt> {

    private static final Duration KEEP = Duration.ofSeconds(3);
    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The credential of this token was revoked", null));

    private final StaffAccounts accounts;
    private final ApiClients clients;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    CredentialStatus(StaffAccounts accounts, ApiClients clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String type = jwt.getClaimAsString(Claims.PRINCIPAL_TYPE);
        if (PrincipalType.PATIENT.name().equals(type)) {
            return OAuth2TokenValidatorResult.success();
        }
        Instant validAfter = validAfter(jwt.getSubject(), PrincipalType.STAFF.name().equals(type));
        Instant issuedAt = jwt.getIssuedAt();
        return validAfter == null || issuedAt == null || issuedAt.isBefore(validAfter.minusMillis(999)) ? REVOKED
                : OAuth2TokenValidatorResult.success();
    }

    @EventListener
    void on(CredentialRevoked revoked) {
        known.remove(revoked.subject());
    }

    /** @return the earliest issue time still good for the subject, or null when none is */
    private Instant validAfter(String subject, boolean staff) {
        long now = System.nanoTime();
        Known entry = known.get(subject);
        if (entry == null || now - entry.readAt() > KEEP.toNanos()) {
            entry = new Known(staff ? staffValidAfter(subject) : clientValidAfter(subject), now);
            known.put(subject, entry);
        }
        return entry.validAfter();
    }

    private Instant staffValidAfter(String subject) {
        return uuid(subject).flatMap(accounts::find).filter(StaffAccount::active).map(StaffAccount::tokensValidAfter).orElse(null);
    }

    private static Optional<UUID> uuid(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Instant clientValidAfter(String credentialId) {
        return uuid(credentialId).flatMap(clients::find).filter(client -> !client.revoked()).map(ApiClient::createdAt).orElse(null);
    }

    private record Known(Instant validAfter, long readAt) {
    }
}
