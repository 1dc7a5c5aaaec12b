package org.opd.orchestrator.schedule.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The whole week; a weekday left out is a day off. */
record WeeklyScheduleRequest(@NotNull @Size(max = 7) List<@Valid @NotNull ScheduleDayRequest> days) {
}
