package org.opd.orchestrator.booking;

/**
 * Where a waitlist entry stands. WAITING → OFFERED (a freed slot is held for the patient) → BOOKED (they took
 * it) or LAPSED (the hold ran out or was let go; the slot went on to the next); WAITING or OFFERED → LEFT.
 */
public enum WaitlistStatus {
    WAITING,
    OFFERED,
    BOOKED,
    LAPSED,
    LEFT;

    /** Whether the entry is still on the list (it may be offered a slot, or has one offered). */
    public boolean isOpen() {
        return this == WAITING || this == OFFERED;
    }
}
