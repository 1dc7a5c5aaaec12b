package org.opd.schemas.notification;

/** Why a patient should hear from us. TOKEN_CREATED, RESCHEDULED, CANCELLED, REASSIGNED, TRANSFERRED, PARKED and RECALLED follow token
 * events directly; T_MINUS_3, CALL_NOW and DOCTOR_DELAYED are decided by the eta-calculator from the
 * live queue; SIGN_IN_CODE follows an identity event and is about no token; APPOINTMENT_BOOKED, WAITLIST_OFFER and the reminders follow appointment events. */
public enum NotificationType {
    TOKEN_CREATED,
    T_MINUS_3,
    CALL_NOW,
    RESCHEDULED,
    CANCELLED,
    DOCTOR_DELAYED,
    SIGN_IN_CODE,
    /** The token was moved to another doctor (the first doctor is away): who, which cabin, about how long. */
    REASSIGNED,
    /** Staff sent the patient to another doctor or department (an ECG): who, which cabin, about how long. */
    TRANSFERRED,
    /** The patient's token is out of the line (stepped out, or called and not there) until they are back. */
    PARKED,
    /** The parked patient is back in the line. */
    RECALLED,
    /**
     * A freed slot of the doctor the patient waits for is held for them: a link to pay or confirm before the
     * hold lapses. About an appointment, not a token, like the reminders.
     */
    WAITLIST_OFFER,
    /** The appointment is the patient's: booked free, or its hold paid or confirmed (the WhatsApp assistant's "confirmation"). */
    APPOINTMENT_BOOKED,
    /** A confirmed appointment is tomorrow. */
    REMINDER_DAY_BEFORE,
    /** A confirmed appointment is within the hour. */
    REMINDER_HOUR_BEFORE
}
