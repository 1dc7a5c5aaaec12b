package org.opd.orchestrator.status;

import java.time.OffsetDateTime;

/**
 * One token as its patient's status page shows it, and nothing about anyone else.
 *
 * @param cabinNumber   where to go; only once the token is called in (null before)
 * @param queuePosition 1 for the next to be called; null while not in line or not yet projected
 * @param etaMinutesP50 median minutes until the consultation starts, {@code etaMinutesP90} the range's end
 * @param calledTime    when the doctor called the patient in, in the hospital's time zone; null until then
 * @param ended         the visit is over (completed, no-show, cancelled, rescheduled): nothing will change any more
 */
public record PatientStatus(
        String tokenNumber,
        String status,
        String doctorName,
        String departmentName,
        String cabinNumber,
        Integer queuePosition,
        Integer etaMinutesP50,
        Integer etaMinutesP90,
        OffsetDateTime calledTime,
        boolean ended) {
}
