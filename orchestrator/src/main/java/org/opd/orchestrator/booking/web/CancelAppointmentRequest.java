package org.opd.orchestrator.booking.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CancelAppointmentRequest(@NotBlank @Size(max = 500) String reason) {
}
