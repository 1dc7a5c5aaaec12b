package org.opd.schemas.appointment;

/**
 * What happened to an appointment booked ahead, in the past tense; also the outbox {@code type} of the event.
 * The status moves follow the orchestrator's appointment statuses (SCHEDULED → CONFIRMED → IN_PROGRESS →
 * COMPLETED, or CANCELLED / NO_SHOW); the last two types are news for the patient, not moves.
 */
public enum AppointmentEventType {
    /** A slot is held for the patient (SCHEDULED) until {@code holdExpiresAt}: unpaid, or waiting to be confirmed. */
    APPOINTMENT_HELD,
    /** Booked and confirmed at once (a free booking, or one paid elsewhere). */
    APPOINTMENT_BOOKED,
    /** A hold was paid or confirmed: the slot is the patient's. */
    APPOINTMENT_CONFIRMED,
    /** Moved to another time of its doctor; {@code previousStartsAt} says from when. */
    APPOINTMENT_RESCHEDULED,
    /** Its token's consultation started (IN_PROGRESS). */
    APPOINTMENT_STARTED,
    APPOINTMENT_COMPLETED,
    APPOINTMENT_MARKED_NO_SHOW,
    /** Cancelled by the patient or staff, with its token, or a hold let go ({@code holdLapsed}): its slot is free. */
    APPOINTMENT_CANCELLED,
    /** A freed slot is offered to a patient of the doctor's waitlist as a hold of their own ({@code waitlistEntryId}). */
    WAITLIST_OFFERED,
    /** A confirmed appointment is near: time to remind the patient ({@code reminderKind}). */
    REMINDER_DUE
}
