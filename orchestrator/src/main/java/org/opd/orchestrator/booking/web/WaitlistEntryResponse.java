package org.opd.orchestrator.booking.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.booking.WaitlistEntry;
import org.opd.orchestrator.time.LocalTimes;

/**
 * @param position             1 for the next patient to be offered a slot, while WAITING; null otherwise
 * @param offeredAppointmentId the hold offered from a freed slot (GET /appointments/{id} has its time and link)
 */
record WaitlistEntryResponse(
        UUID entryId,
        UUID doctorId,
        UUID patientId,
        LocalDate date,
        String status,
        Integer position,
        UUID offeredAppointmentId,
        OffsetDateTime joinedAt) {

    static WaitlistEntryResponse of(WaitlistEntry e) {
        return new WaitlistEntryResponse(e.entryId(), e.doctorId(), e.patientId(), e.day(), e.status().name(), e.position(),
                e.offeredAppointmentId(), LocalTimes.at(e.joinedAt(), e.zone()));
    }
}
