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
    TOKEN_RESCHEDULED
}
