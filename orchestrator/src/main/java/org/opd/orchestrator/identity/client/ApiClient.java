package org.opd.orchestrator.identity.client;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.opd.schemas.identity.Role;

/**
 * A client credential and what it may do; its secret lives (hashed) with the authorization
 * server's registered client of the same {@code clientId}.
 */
public record ApiClient(
        UUID credentialId,
        String clientId,
        ClientKind kind,
        String name,
        UUID hospitalId,
        UUID deptId,
        UUID doctorId,
        Set<Role> roles,
        String createdBy,
        Instant createdAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
