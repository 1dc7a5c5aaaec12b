package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opd.schemas.doctor.PlannedBreak;

/**
 * A doctor's working day as the queue knows it from doctor events; all fields null while unknown.
 *
 * @param plannedStart       when the shift should start
 * @param plannedEnd         when it should end
 * @param actualStart        when the doctor really started; null until then
 * @param actualEnd          when the doctor left; null while on shift
 * @param breakEndsAt        while on a break: when the doctor expects to be back
 * @param onBreak            whether the doctor is on a break now
 * @param cancelled          whether the shift was cancelled
 * @param plannedBreaks      the breaks planned in the shift, in time order
 * @param lastBreakStartedAt when the doctor last began a break (any day), or null
 */
public record ShiftState(
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        Instant breakEndsAt,
        boolean onBreak,
        boolean cancelled,
        List<PlannedBreak> plannedBreaks,
        Instant lastBreakStartedAt) {

    /** A break begun this long before its planned start is taken to be that break. */
    static final Duration EARLY_BREAK = Duration.ofMinutes(30);
    /** A planned break not begun this long after its planned end was skipped. */
    static final Duration SKIPPED_BREAK = Duration.ofMinutes(30);

    /** Nothing known about the shift: the doctor is taken to be at work, as the seed formula does. */
    public static final ShiftState UNKNOWN = new ShiftState(null, null, null, null, null, false, false, List.of(), null);

    public ShiftState {
        plannedBreaks = plannedBreaks != null ? List.copyOf(plannedBreaks) : List.of();
    }

    public boolean known() {
        return plannedStart != null || actualStart != null;
    }

    /** At work and seeing patients (or, without shift news, assumed to be). */
    public boolean working() {
        return !known() || (actualStart != null && actualEnd == null && !onBreak && !cancelled);
    }

    /** Expected today but not arrived yet. */
    public boolean awaitingStart() {
        return plannedStart != null && actualStart == null && actualEnd == null && !cancelled;
    }

    /**
     * The planned breaks the doctor has still to take at {@code now}: no break begun since shortly before
     * each was due (the one under way counts as taken), and not so long past its end that it was skipped.
     */
    List<PlannedBreak> breaksAhead(Instant now) {
        return plannedBreaks.stream()
                .filter(planned -> planned.end().plus(SKIPPED_BREAK).isAfter(now))
                .filter(planned -> lastBreakStartedAt == null || lastBreakStartedAt.isBefore(planned.start().minus(EARLY_BREAK)))
                .toList();
    }
}
