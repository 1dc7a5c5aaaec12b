package org.opd.orchestrator.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.shift.ShiftBreak;

/**
 * One weekday of a doctor's weekly schedule: a session in a cabin, in the hospital's local time,
 * cut into slots of {@code slotMinutes}.
 *
 * @param plannedBreaks in time order
 */
public record ScheduleDay(
        DayOfWeek dayOfWeek,
        UUID cabinId,
        LocalTime startTime,
        LocalTime endTime,
        int slotMinutes,
        int plannedTokens,
        List<ShiftBreak> plannedBreaks) {

    public ScheduleDay {
        plannedBreaks = List.copyOf(plannedBreaks);
    }
}
