package org.opd.orchestrator.schedule.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The hospital's local days, both included. */
record PlanShiftsRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
