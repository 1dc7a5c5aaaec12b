package org.opd.orchestrator.token;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opd.schemas.token.BookingType;

/**
 * What a token is for, fixed when it is issued.
 *
 * @param tokenNumber department code and the number of the day, e.g. CARD-045
 * @param serviceDate the day in the hospital's time zone that the number counts in
 * @param priority    1 normal, 2 senior, 3 emergency
 * @param assignmentId    the doctor's shift the token is issued for; null for tokens older than shifts being linked
 * @param rescheduledFrom the token this one replaces; null unless rescheduled
 */
public record TokenBooking(
        UUID tokenId,
        String tokenNumber,
        UUID patientId,
        UUID doctorId,
        UUID deptId,
        UUID cabinId,
        UUID hospitalId,
        BookingType bookingType,
        int priority,
        Instant scheduledTime,
        LocalDate serviceDate,
        String visitReason,
        UUID assignmentId,
        UUID rescheduledFrom) {

    /** The same booking, now in another doctor's shift and cabin (of the same department). */
    TokenBooking movedTo(UUID newDoctorId, UUID newCabinId, UUID newAssignmentId) {
        return new TokenBooking(tokenId, tokenNumber, patientId, newDoctorId, deptId, newCabinId, hospitalId, bookingType,
                priority, scheduledTime, serviceDate, visitReason, newAssignmentId, rescheduledFrom);
    }

    /** The same booking in another doctor's shift, cabin and, maybe, department (a transfer). */
    TokenBooking transferredTo(Token.Destination to) {
        return new TokenBooking(tokenId, tokenNumber, patientId, to.doctorId(), to.deptId(), to.cabinId(), hospitalId,
                bookingType, priority, scheduledTime, serviceDate, visitReason, to.assignmentId(), rescheduledFrom);
    }
}
