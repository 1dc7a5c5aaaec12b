package org.opd.orchestrator.identity.staff;

/** Whether an account may sign in; a disabled one keeps its history. */
enum AccountStatus {
    ACTIVE,
    DISABLED
}
