package org.opd.orchestrator.identity.client;

import java.util.Set;
import java.util.UUID;

import org.opd.schemas.identity.Role;

/** What a new client credential is for, as an administrator asks for it. */
public record NewApiClient(ClientKind kind, String name, UUID hospitalId, UUID deptId, UUID doctorId, Set<Role> roles) {
}
