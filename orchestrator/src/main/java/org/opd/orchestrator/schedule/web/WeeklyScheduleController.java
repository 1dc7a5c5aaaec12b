package org.opd.orchestrator.schedule.web;

import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.schedule.ShiftPlanner;
import org.opd.orchestrator.schedule.WeeklySchedule;
import org.opd.orchestrator.schedule.WeeklySchedules;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/doctors/{doctorId}/weekly-schedule")
class WeeklyScheduleController {

    private final WeeklySchedules schedules;
    private final ShiftPlanner planner;
    private final ScopeCheck scope;

    WeeklyScheduleController(WeeklySchedules schedules, ShiftPlanner planner, ScopeCheck scope) {
        this.schedules = schedules;
        this.planner = planner;
        this.scope = scope;
    }

    @GetMapping
    WeeklySchedule get(@PathVariable UUID doctorId) {
        return schedules.of(doctorId);
    }

    /** Replaces the whole week. */
    @PutMapping
    WeeklySchedule replace(@PathVariable UUID doctorId, @Valid @RequestBody WeeklyScheduleRequest request, Caller caller) {
        request.days().forEach(day -> scope.requireReach(caller, Resource.CABIN, day.cabinId()));
        return schedules.replace(doctorId, request.days().stream().map(ScheduleDayRequest::toDay).toList());
    }

    /** Plans the shifts of the given days from the schedule; days that already have one are skipped. */
    @PostMapping("/shifts")
    PlannedShiftsResponse plan(@PathVariable UUID doctorId, @Valid @RequestBody PlanShiftsRequest request) {
        return PlannedShiftsResponse.of(planner.plan(doctorId, request.from(), request.to()));
    }
}
