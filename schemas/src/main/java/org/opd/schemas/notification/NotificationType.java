package org.opd.schemas.notification;

/** Why a patient should hear from us. TOKEN_CREATED, RESCHEDULED and CANCELLED follow token
 * events directly; the others are decided by the eta-calculator from the live queue. */
public enum NotificationType {
    TOKEN_CREATED,
    T_MINUS_3,
    CALL_NOW,
    RESCHEDULED,
    CANCELLED,
    DOCTOR_DELAYED
}
