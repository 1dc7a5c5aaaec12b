package org.opd.schemas.token;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a queue token (spec 004). The allowed moves live here and only here, so the
 * orchestrator that enforces them and the consumers that read them agree.
 *
 * <pre>
 * BOOKED → CHECKED_IN → WAITING → IN_CONSULTATION → COMPLETED
 * any non-final state → NO_SHOW | CANCELLED | RESCHEDULED
 * </pre>
 */
public enum TokenStatus {
    BOOKED,
    CHECKED_IN,
    WAITING,
    IN_CONSULTATION,
    COMPLETED,
    NO_SHOW,
    CANCELLED,
    RESCHEDULED;

    private static final Set<TokenStatus> FINAL = EnumSet.of(COMPLETED, NO_SHOW, CANCELLED, RESCHEDULED);
    private static final Set<TokenStatus> EXITS = EnumSet.of(NO_SHOW, CANCELLED, RESCHEDULED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether the token is physically in the waiting room, in line for the doctor. */
    public boolean isInLine() {
        return this == CHECKED_IN || this == WAITING;
    }

    public boolean canMoveTo(TokenStatus next) {
        if (isFinal()) {
            return false;
        }
        if (EXITS.contains(next)) {
            return true;
        }
        return switch (this) {
            case BOOKED -> next == CHECKED_IN;
            case CHECKED_IN -> next == WAITING;
            case WAITING -> next == IN_CONSULTATION;
            case IN_CONSULTATION -> next == COMPLETED;
            default -> false;
        };
    }
}
