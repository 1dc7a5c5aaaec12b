package org.opd.orchestrator.shift.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftBreak;
import org.opd.orchestrator.time.LocalTimes;

/** Planned times are the hospital's local times; actual times carry the hospital's offset. */
record ShiftResponse(
        UUID assignmentId,
        UUID cabinId,
        UUID doctorId,
        UUID deptId,
        LocalDate shiftDate,
        LocalTime shiftStartTime,
        LocalTime shiftEndTime,
        int plannedTokens,
        String status,
        OffsetDateTime actualStartTime,
        OffsetDateTime actualEndTime,
        List<ShiftBreak> plannedBreaks) {

    static ShiftResponse of(Shift s) {
        return new ShiftResponse(s.assignmentId(), s.cabinId(), s.doctorId(), s.deptId(), s.shiftDate(),
                s.shiftStartTime(), s.shiftEndTime(), s.plannedTokens(), s.status().name(),
                LocalTimes.at(s.actualStartTime(), s.zone()), LocalTimes.at(s.actualEndTime(), s.zone()),
                s.plannedBreaks());
    }
}
