package org.opd.eta.estimate;

import java.time.Instant;

/**
 * A doctor's working day as the queue knows it from doctor events; all fields null while unknown.
 *
 * @param plannedStart when the shift should start
 * @param plannedEnd   when it should end
 * @param actualStart  when the doctor really started; null until then
 * @param actualEnd    when the doctor left; null while on shift
 * @param breakEndsAt  while on a break: when the doctor expects to be back
 * @param onBreak      whether the doctor is on a break now
 * @param cancelled    whether the shift was cancelled
 */
public record ShiftState(
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        Instant breakEndsAt,
        boolean onBreak,
        boolean cancelled) {

    /** Nothing known about the shift: the doctor is taken to be at work, as the seed formula does. */
    public static final ShiftState UNKNOWN = new ShiftState(null, null, null, null, null, false, false);

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
}
