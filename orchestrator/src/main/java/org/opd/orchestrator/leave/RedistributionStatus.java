package org.opd.orchestrator.leave;

/** What became of an exception's affected tokens (spec 004): PENDING until they are handled. */
public enum RedistributionStatus {
    PENDING,
    REDISTRIBUTED,
    RESCHEDULED,
    CANCELLED
}
