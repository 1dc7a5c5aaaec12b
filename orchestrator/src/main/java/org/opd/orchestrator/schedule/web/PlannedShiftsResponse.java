package org.opd.orchestrator.schedule.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.schedule.ShiftPlanner.PlannedShifts;

/** @param skipped scheduled days that already had a shift, left as they were */
record PlannedShiftsResponse(List<PlannedShift> created, List<LocalDate> skipped) {

    record PlannedShift(UUID assignmentId, UUID cabinId, LocalDate shiftDate, LocalTime shiftStartTime,
                        LocalTime shiftEndTime) {
    }

    static PlannedShiftsResponse of(PlannedShifts planned) {
        return new PlannedShiftsResponse(planned.created().stream()
                .map(s -> new PlannedShift(s.assignmentId(), s.cabinId(), s.shiftDate(), s.shiftStartTime(), s.shiftEndTime()))
                .toList(), planned.skipped());
    }
}
