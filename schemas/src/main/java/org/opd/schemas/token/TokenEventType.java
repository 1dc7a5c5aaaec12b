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
     * The patient stepped out (or was called and did not come): the token keeps its status but leaves
     * the line until recalled; {@code parkedAt} says since when. A call it had is undone.
     */
    TOKEN_PARKED,
    /** A parked token is back in the line, at the place {@code linePlaceAt} says (the front or the back). */
    TOKEN_RECALLED,
    /**
     * The token left this doctor's line for another doctor's (leave redistribution, or a transfer by staff); its status is
     * unchanged and it is not over. Keyed by the doctor it left; {@code toDoctorId} says where it went.
     */
    TOKEN_REASSIGNED_AWAY,
    /**
     * The token joined this doctor's line from another doctor's, keeping its status, priority and
     * place in line (or the place a transfer gives it). Keyed by the new doctor; {@code fromDoctorId} says where it came from.
     */
    TOKEN_REASSIGNED,
    /**
     * Staff sent the token to this doctor's line from another doctor's, maybe of another department
     * (for an ECG, and back): as {@link #TOKEN_REASSIGNED}, but at the place {@code linePlaceAt} the
     * transfer's rule gave it. The old doctor's line gets {@link #TOKEN_REASSIGNED_AWAY}.
     */
    TOKEN_TRANSFERRED
}
