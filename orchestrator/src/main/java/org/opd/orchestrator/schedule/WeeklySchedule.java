package org.opd.orchestrator.schedule;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A doctor's week: at most one session per weekday; a weekday without one is a day off. */
public record WeeklySchedule(UUID doctorId, List<ScheduleDay> days) {

    public WeeklySchedule {
        days = List.copyOf(days);
    }

    public Optional<ScheduleDay> on(DayOfWeek day) {
        return days.stream().filter(d -> d.dayOfWeek() == day).findFirst();
    }
}
