package org.opd.orchestrator.shift;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A shift to plan; a null planned token count takes the schema's default. */
public record NewShift(
        UUID cabinId,
        UUID doctorId,
        LocalDate shiftDate,
        LocalTime shiftStartTime,
        LocalTime shiftEndTime,
        Integer plannedTokens) {
}
