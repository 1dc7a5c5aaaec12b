package org.opd.schemas.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of an appointment booked ahead, or news about it, as published on {@code opd.appointment-events}
 * (key: doctor id). Ids and times only, never a patient's name, phone number or visit reason: the notifier
 * and webhook receivers look people up by id. Changes must stay backward compatible: add fields (nullable,
 * so old events still read), never rename or remove.
 *
 * @param schemaVersion    version of this contract, {@link #SCHEMA_VERSION} when written
 * @param eventId          unique per event; consumers drop duplicates by it
 * @param startsAt         the appointment's time (the new one after a reschedule)
 * @param previousStartsAt for {@link AppointmentEventType#APPOINTMENT_RESCHEDULED}, the time it left; else null
 * @param holdExpiresAt    for a hold (held, offered): when it lapses unless paid or confirmed; else null
 * @param paymentRequired  the hold is confirmed by paying its payment link (the doctor's bookings are paid)
 * @param holdLapsed       for {@link AppointmentEventType#APPOINTMENT_CANCELLED}: a hold let go unpaid or unconfirmed
 * @param waitlistEntryId  for {@link AppointmentEventType#WAITLIST_OFFERED}: the waitlist entry offered the slot; else null
 * @param reminderKind     for {@link AppointmentEventType#REMINDER_DUE}: which reminder; else null
 */
public record AppointmentEvent(
        int schemaVersion,
        UUID eventId,
        AppointmentEventType type,
        Instant occurredAt,
        UUID appointmentId,
        UUID doctorId,
        UUID patientId,
        UUID hospitalId,
        Instant startsAt,
        Instant endsAt,
        Instant previousStartsAt,
        Instant holdExpiresAt,
        boolean paymentRequired,
        boolean holdLapsed,
        UUID waitlistEntryId,
        ReminderKind reminderKind) {

    public static final int SCHEMA_VERSION = 1;
}
