package org.opd.schemas.doctor;

/** What happened to a doctor's working day, in the past tense. Also the outbox `type`. */
public enum DoctorEventType {
    SHIFT_SCHEDULED,
    SHIFT_STARTED,
    SHIFT_ENDED,
    SHIFT_CANCELLED,
    BREAK_STARTED,
    BREAK_ENDED
}
