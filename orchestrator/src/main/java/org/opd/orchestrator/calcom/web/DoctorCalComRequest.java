package org.opd.orchestrator.calcom.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param userId the doctor's Cal.com user id (the organizer of their bookings); eventTypeId: the event type patients book */
record DoctorCalComRequest(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 64) String eventTypeId) {
}
