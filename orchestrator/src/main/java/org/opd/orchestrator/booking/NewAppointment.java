package org.opd.orchestrator.booking;

import java.time.Instant;
import java.util.UUID;

/** @param durationMinutes null: one slot of the doctor's session */
public record NewAppointment(UUID doctorId, UUID patientId, Instant startsAt, Integer durationMinutes,
                             AppointmentType type, String reason) {
}
