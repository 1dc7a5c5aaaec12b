package org.opd.orchestrator.schedule.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.schedule.ScheduleDay;
import org.opd.orchestrator.shift.ShiftBreak;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** @param plannedTokens null: as many as the session has slots */
record ScheduleDayRequest(
        @NotNull DayOfWeek dayOfWeek,
        @NotNull UUID cabinId,
        @NotNull LocalTime startTime,
        @NotNull LocalTime endTime,
        @NotNull @Min(15) @Max(480) Integer slotMinutes,
        @Positive @Max(500) Integer plannedTokens,
        @Size(max = 10) List<@NotNull ShiftBreak> plannedBreaks) {

    @JsonIgnore
    @AssertTrue(message = "endTime must be after startTime")
    public boolean isEndTimeAfterStart() {
        return startTime == null || endTime == null || endTime.isAfter(startTime);
    }

    ScheduleDay toDay() {
        int tokens = plannedTokens != null ? plannedTokens
                : (int) Math.max(1, Duration.between(startTime, endTime).toMinutes() / slotMinutes);
        return new ScheduleDay(dayOfWeek, cabinId, startTime, endTime, slotMinutes, tokens,
                plannedBreaks == null ? List.of() : plannedBreaks);
    }
}
