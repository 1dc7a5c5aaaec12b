package org.opd.orchestrator.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where in a doctor's line a recalled or transferred token goes. The place is an instant of the
 * shared call order: just before the first or just after the last token waiting to be called.
 */
public enum LineEnd {
    /** Ahead of everyone waiting to be called (the patient had already waited their turn). */
    FRONT,
    /** Behind everyone waiting now: as if the patient had just arrived, or after the last if that is later. */
    BACK;

    /** The smallest step of the order that PostgreSQL's timestamptz keeps (microseconds). */
    private static final Duration STEP = Duration.ofNanos(1_000);

    /**
     * @param line the others waiting to be called, in call order
     * @param own  the token's place before, kept at the front when it is already ahead of everyone
     */
    Instant placeIn(List<LinedUpToken> line, Instant own, Instant now) {
        Instant first = line.isEmpty() ? null : line.get(0).linePlaceAt();
        Instant last = line.isEmpty() ? null : line.get(line.size() - 1).linePlaceAt();
        return switch (this) {
            case FRONT -> first == null ? earliest(own, now) : earliest(first.minus(STEP), own == null ? now : own);
            case BACK -> last == null || last.isBefore(now) ? now : last.plus(STEP);
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return a.isBefore(b) ? a : b;
    }
}
