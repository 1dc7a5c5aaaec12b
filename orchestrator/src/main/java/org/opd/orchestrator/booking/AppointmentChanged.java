package org.opd.orchestrator.booking;

import java.time.Instant;

import org.opd.schemas.appointment.AppointmentEventType;

/**
 * Published (as a Spring application event) with each appointment event, inside the transaction that stores
 * the change, so the waitlist follows it in that same transaction.
 *
 * @param previousStartsAt for a reschedule, the time the appointment left; else null
 */
record AppointmentChanged(Appointment appointment, AppointmentEventType type, Instant previousStartsAt) {

    /** Whether the change gave up time that someone waiting could have. */
    boolean freesSlot() {
        return type == AppointmentEventType.APPOINTMENT_CANCELLED || type == AppointmentEventType.APPOINTMENT_RESCHEDULED;
    }

    /** The start of the time given up: the old time of a reschedule, the appointment's own of a cancellation. */
    Instant freedStart() {
        return type == AppointmentEventType.APPOINTMENT_RESCHEDULED ? previousStartsAt : appointment.startsAt();
    }
}
