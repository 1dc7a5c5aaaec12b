package org.opd.orchestrator.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.opd.orchestrator.error.IllegalTransitionException;

/**
 * A booked appointment of a patient with a doctor.
 *
 * @param holdExpiresAt while SCHEDULED (unpaid): when the hold lapses; null otherwise
 * @param zone          the hospital's time zone
 */
public record Appointment(
        UUID appointmentId,
        UUID doctorId,
        UUID patientId,
        Instant startsAt,
        Instant endsAt,
        AppointmentType type,
        AppointmentStatus status,
        String reason,
        Instant holdExpiresAt,
        String cancelReason,
        ZoneId zone) {

    /** The patient cancelled, or staff did for them. */
    public Appointment cancel(String why) {
        return moveTo(AppointmentStatus.CANCELLED, "cancel", why);
    }

    private Appointment moveTo(AppointmentStatus next, String action, String why) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("appointment", appointmentId, status.name(), action);
        }
        return new Appointment(appointmentId, doctorId, patientId, startsAt, endsAt, type, next, reason, null, why, zone);
    }
}
