package org.opd.orchestrator.shift;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A shift to plan; a null planned token count takes the schema's default.
 *
 * @param plannedBreaks in any order; checked by {@link ShiftBreaks} when the shift is planned
 */
public record NewShift(
        UUID cabinId,
        UUID doctorId,
        LocalDate shiftDate,
        LocalTime shiftStartTime,
        LocalTime shiftEndTime,
        Integer plannedTokens,
        List<ShiftBreak> plannedBreaks) {

    public NewShift {
        plannedBreaks = plannedBreaks == null ? List.of() : List.copyOf(plannedBreaks);
    }
}
