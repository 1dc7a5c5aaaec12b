package org.opd.orchestrator.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.opd.orchestrator.error.IllegalTransitionException;

/**
 * A booked appointment of a patient with a doctor.
 *
 * @param holdExpiresAt while SCHEDULED (unpaid): when the hold lapses; null otherwise
 * @param paymentUrl    where the patient pays a paid booking; null for a free one
 * @param tokenId       the ONLINE token the appointment became on its day; null before
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
        String paymentUrl,
        UUID tokenId,
        ZoneId zone) {

    /** The cancel reason of a hold let go unpaid. */
    public static final String HOLD_EXPIRED = "HOLD_EXPIRED";

    /** The patient paid: the slot is theirs, the hold's expiry lifted. */
    public Appointment confirm() {
        return moveTo(AppointmentStatus.CONFIRMED, "confirm", null);
    }

    /** The patient cancelled, or staff did for them. */
    public Appointment cancel(String why) {
        return moveTo(AppointmentStatus.CANCELLED, "cancel", why);
    }

    /**
     * The token the appointment became moved on (started, completed, no-show, cancelled).
     *
     * @param why kept as the cancel reason when the move ends the appointment early
     */
    public Appointment follow(AppointmentStatus next, String why) {
        return moveTo(next, "follow the token to " + next, next == AppointmentStatus.CANCELLED ? why : null);
    }

    private Appointment moveTo(AppointmentStatus next, String action, String why) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("appointment", appointmentId, status.name(), action);
        }
        return new Appointment(appointmentId, doctorId, patientId, startsAt, endsAt, type, next, reason, null, why, paymentUrl, tokenId, zone);
    }
}
