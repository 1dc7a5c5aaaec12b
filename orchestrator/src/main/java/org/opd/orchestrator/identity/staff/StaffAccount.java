package org.opd.orchestrator.identity.staff;

import java.time.Instant;
import java.util.UUID;

import org.opd.orchestrator.identity.RoleScope;
import org.opd.schemas.identity.Role;

/** A staff member's account: e-mail and password, roles in one hospital, optional TOTP second factor. */
public record StaffAccount(
        UUID accountId,
        String email,
        String displayName,
        String passwordHash,
        RoleScope scope,
        boolean active,
        boolean mustChangePassword,
        String sealedTotpSecret,
        Instant lockedUntil,
        Instant tokensValidAfter) {

    public boolean hasTotp() {
        return sealedTotpSecret != null;
    }

    /** Administrators must use a second factor; others may. */
    public boolean needsTotp() {
        return hasTotp() || scope.roles().contains(Role.ADMIN);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
