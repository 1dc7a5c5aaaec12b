package org.opd.orchestrator.booking.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** @param date the hospital's local day the patient waits for a slot on */
record JoinWaitlistRequest(@NotNull UUID patientId, @NotNull LocalDate date) {
}
