package org.opd.orchestrator.booking.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.booking.NewAppointment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param durationMinutes null: one slot of the doctor's session */
record BookAppointmentRequest(
        @NotNull UUID doctorId,
        @NotNull UUID patientId,
        @NotNull OffsetDateTime startTime,
        @Min(15) @Max(480) Integer durationMinutes,
        @NotNull AppointmentType appointmentType,
        @NotBlank @Size(max = 1000) String reason) {

    NewAppointment toNew() {
        return new NewAppointment(doctorId, patientId, startTime.toInstant(), durationMinutes, appointmentType, reason);
    }
}
