package org.opd.orchestrator.shift;

import java.time.LocalDate;
import java.util.UUID;

/** Which shifts to list; each null part does not filter. */
public record ShiftFilter(UUID doctorId, UUID cabinId, UUID deptId, LocalDate shiftDate, ShiftStatus status) {
}
