package org.opd.schemas.doctor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One change of a doctor's shift, as published on {@code opd.doctor-events} (key: doctor id),
 * so that queue consumers know when a doctor is due, present, on a break or gone.
 * Same compatibility rules as {@link org.opd.schemas.token.TokenEvent}.
 *
 * @param plannedStart the shift's planned start as an instant (shift date and time in the hospital's zone)
 * @param actualStart  when the doctor really started; null until then
 * @param breakEndsAt  for {@link DoctorEventType#BREAK_STARTED}: when the doctor expects to be back
 * @param plannedBreaks the breaks planned in the shift, in time order; empty when none (absent before schema version 2)
 */
public record DoctorEvent(
        int schemaVersion,
        UUID eventId,
        DoctorEventType type,
        Instant occurredAt,
        UUID doctorId,
        UUID deptId,
        UUID hospitalId,
        UUID cabinId,
        UUID assignmentId,
        LocalDate shiftDate,
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        Instant breakEndsAt,
        int avgConsultationMinutes,
        int bufferMinutes,
        List<PlannedBreak> plannedBreaks) {

    public static final int SCHEMA_VERSION = 2;

    public DoctorEvent {
        plannedBreaks = plannedBreaks == null ? List.of() : List.copyOf(plannedBreaks);
    }
}
