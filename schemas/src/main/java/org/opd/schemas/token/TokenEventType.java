package org.opd.schemas.token;

/** What happened to a token, in the past tense. Also the outbox `type` of the event. */
public enum TokenEventType {
    TOKEN_ISSUED,
    TOKEN_CHECKED_IN,
    TOKEN_QUEUED,
    /** The doctor called the token into the cabin; its status stays WAITING until the consultation starts. */
    TOKEN_CALLED,
    CONSULTATION_STARTED,
    TOKEN_COMPLETED,
    TOKEN_MARKED_NO_SHOW,
    TOKEN_CANCELLED,
    TOKEN_RESCHEDULED,
    /**
     * The token left this doctor's line for another doctor's (leave redistribution); its status is
     * unchanged and it is not over. Keyed by the doctor it left; {@code toDoctorId} says where it went.
     */
    TOKEN_REASSIGNED_AWAY,
    /**
     * The token joined this doctor's line from another doctor's, keeping its status, priority and
     * check-in time. Keyed by the new doctor; {@code fromDoctorId} says where it came from.
     */
    TOKEN_REASSIGNED
}
