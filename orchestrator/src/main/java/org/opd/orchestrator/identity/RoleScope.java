package org.opd.orchestrator.identity;

import java.util.Set;
import java.util.UUID;

import org.opd.schemas.identity.Role;

/**
 * The roles of an account or client and where they apply: a hospital (null: every hospital), a
 * department for a department head or a department screen, a doctor for a doctor.
 */
public record RoleScope(Set<Role> roles, UUID hospitalId, UUID deptId, UUID doctorId) {
}
