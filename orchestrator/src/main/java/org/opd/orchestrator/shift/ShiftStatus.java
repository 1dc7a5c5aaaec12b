package org.opd.orchestrator.shift;

/** SCHEDULED → ACTIVE (the doctor arrived) → COMPLETED; a shift not yet over may be CANCELLED. */
public enum ShiftStatus {
    SCHEDULED,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    public boolean canMoveTo(ShiftStatus next) {
        return switch (this) {
            case SCHEDULED -> next == ACTIVE || next == CANCELLED;
            case ACTIVE -> next == COMPLETED || next == CANCELLED;
            case COMPLETED, CANCELLED -> false;
        };
    }
}
