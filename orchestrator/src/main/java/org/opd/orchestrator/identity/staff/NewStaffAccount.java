package org.opd.orchestrator.identity.staff;

import org.opd.orchestrator.identity.RoleScope;

/** An account an administrator opens; the initial password must be changed at first sign-in. */
public record NewStaffAccount(String email, String displayName, String initialPassword, RoleScope scope) {
}
