package org.opd.orchestrator.audit;

/** What an audited request did to the record: read it, create it, or change it. */
public enum AuditAction {
    READ,
    CREATE,
    CHANGE
}
