package org.opd.orchestrator.operations;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/**
 * One line of spec 004's live queue view ({@code vw_live_queue}), for one hospital's day.
 * The patient's name is masked and the phone left out: the dashboard is on screens staff share.
 * Times carry the hospital's offset.
 *
 * @param lineOrder  place in the doctor's line as call-next sees it: the one in consultation, the
 *                   one called in, then waiting by place in line, then checked in, then the parked
 * @param waitedMinutes minutes since check-in
 * @param parkedAt   since when the patient has been out of the line (parked); null while in line
 */
public record LiveQueueEntry(
        UUID tokenId,
        String tokenNumber,
        String patientName,
        UUID doctorId,
        String doctorName,
        UUID deptId,
        String departmentName,
        String cabinNumber,
        TokenStatus status,
        int priority,
        int lineOrder,
        Integer estimatedWaitMinutes,
        OffsetDateTime scheduledTime,
        OffsetDateTime checkInTime,
        OffsetDateTime calledTime,
        long waitedMinutes,
        OffsetDateTime parkedAt) {
}
