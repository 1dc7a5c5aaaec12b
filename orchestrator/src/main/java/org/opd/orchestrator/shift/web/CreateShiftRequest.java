package org.opd.orchestrator.shift.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.shift.NewShift;
import org.opd.orchestrator.shift.ShiftBreak;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateShiftRequest(
        @NotNull UUID cabinId,
        @NotNull UUID doctorId,
        @NotNull LocalDate shiftDate,
        @NotNull LocalTime shiftStartTime,
        @NotNull LocalTime shiftEndTime,
        @Positive @Max(500) Integer plannedTokens,
        @Size(max = 10) List<@NotNull ShiftBreak> plannedBreaks) {

    @JsonIgnore
    @AssertTrue(message = "shiftEndTime must be after shiftStartTime")
    public boolean isShiftEndTimeAfterStart() {
        return shiftStartTime == null || shiftEndTime == null || shiftEndTime.isAfter(shiftStartTime);
    }

    NewShift toNewShift() {
        return new NewShift(cabinId, doctorId, shiftDate, shiftStartTime, shiftEndTime, plannedTokens, plannedBreaks);
    }
}
