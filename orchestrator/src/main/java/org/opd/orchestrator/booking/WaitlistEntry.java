package org.opd.orchestrator.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A patient waiting for a slot of a doctor on a day.
 *
 * @param day                  the hospital's local date
 * @param position             1 for the next to be offered a slot, while WAITING; null otherwise
 * @param offeredAppointmentId the hold offered to the patient; null before an offer
 * @param zone                 the hospital's time zone
 */
public record WaitlistEntry(
        UUID entryId,
        UUID doctorId,
        UUID patientId,
        LocalDate day,
        WaitlistStatus status,
        Integer position,
        UUID offeredAppointmentId,
        Instant joinedAt,
        ZoneId zone) {
}
