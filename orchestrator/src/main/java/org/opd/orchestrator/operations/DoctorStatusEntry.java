package org.opd.orchestrator.operations;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.schemas.queue.DoctorStatus;

/**
 * One line of spec 004's doctor status view ({@code vw_doctor_status}) for one hospital's day.
 * Times carry the hospital's offset.
 *
 * @param dutyStatus    ACTIVE, ON_LEAVE or INACTIVE, as staff set it
 * @param cabinId       the cabin of the doctor's started shift today; null when none is started
 * @param currentStatus BUSY while a consultation runs, AVAILABLE on a started shift, else OFFLINE
 */
public record DoctorStatusEntry(
        UUID doctorId,
        String doctorName,
        String specialization,
        String dutyStatus,
        UUID cabinId,
        String cabinNumber,
        int pendingTokens,
        OffsetDateTime lastConsultStart,
        DoctorStatus currentStatus) {
}
