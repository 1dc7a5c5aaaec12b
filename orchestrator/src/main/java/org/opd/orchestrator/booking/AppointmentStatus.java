package org.opd.orchestrator.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Spec 001's flow: SCHEDULED (here: held while unpaid) → CONFIRMED → IN_PROGRESS → COMPLETED; any of
 * the three may end CANCELLED or NO_SHOW. The one table of allowed moves.
 */
public enum AppointmentStatus {
    SCHEDULED,
    CONFIRMED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> MOVES = Map.of(
            SCHEDULED, EnumSet.of(CONFIRMED, CANCELLED, NO_SHOW),
            CONFIRMED, EnumSet.of(IN_PROGRESS, CANCELLED, NO_SHOW),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED, NO_SHOW),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));

    public boolean canMoveTo(AppointmentStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Whether an appointment in this status keeps its time from others (the exclusion constraint's statuses). */
    public boolean holdsTime() {
        return this == SCHEDULED || this == CONFIRMED || this == IN_PROGRESS;
    }
}
