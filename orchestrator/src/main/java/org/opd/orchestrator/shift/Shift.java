package org.opd.orchestrator.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.error.IllegalTransitionException;

/**
 * A doctor's assignment to a cabin for part of one day ({@code cabin_doctors}). Planned times
 * are local times of the hospital; actual times are instants.
 *
 * @param deptId the cabin's department, where tokens of this shift are numbered
 * @param zone   the hospital's time zone
 * @param plannedBreaks in time order
 */
public record Shift(
        UUID assignmentId,
        UUID cabinId,
        UUID doctorId,
        UUID deptId,
        UUID hospitalId,
        ZoneId zone,
        LocalDate shiftDate,
        LocalTime shiftStartTime,
        LocalTime shiftEndTime,
        int plannedTokens,
        ShiftStatus status,
        Instant actualStartTime,
        Instant actualEndTime,
        List<ShiftBreak> plannedBreaks) {

    public Shift {
        plannedBreaks = List.copyOf(plannedBreaks);
    }

    /** The doctor arrived and starts seeing patients. */
    public Shift start(Instant now) {
        requireMove(ShiftStatus.ACTIVE, "start");
        return new Shift(assignmentId, cabinId, doctorId, deptId, hospitalId, zone, shiftDate, shiftStartTime,
                shiftEndTime, plannedTokens, ShiftStatus.ACTIVE, now, actualEndTime, plannedBreaks);
    }

    /** The doctor left for the day. */
    public Shift end(Instant now) {
        requireMove(ShiftStatus.COMPLETED, "end");
        return new Shift(assignmentId, cabinId, doctorId, deptId, hospitalId, zone, shiftDate, shiftStartTime,
                shiftEndTime, plannedTokens, ShiftStatus.COMPLETED, actualStartTime, now, plannedBreaks);
    }

    /** The shift will not happen, or stops early; its tokens stay for staff to reschedule or cancel. */
    public Shift cancel() {
        requireMove(ShiftStatus.CANCELLED, "cancel");
        return new Shift(assignmentId, cabinId, doctorId, deptId, hospitalId, zone, shiftDate, shiftStartTime,
                shiftEndTime, plannedTokens, ShiftStatus.CANCELLED, actualStartTime, actualEndTime, plannedBreaks);
    }

    public Instant plannedStart() {
        return shiftDate.atTime(shiftStartTime).atZone(zone).toInstant();
    }

    public Instant plannedEnd() {
        return shiftDate.atTime(shiftEndTime).atZone(zone).toInstant();
    }

    private void requireMove(ShiftStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("shift", assignmentId, status.name(), action);
        }
    }
}
