package org.opd.schemas.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient asked to sign in by phone and a one-time code was issued, as published on
 * {@code opd.identity-events} (key: patient id) for the notifier to send by SMS.
 *
 * <p>Carries no phone number and no name: the notifier looks the patient's number up by id. The code
 * itself travels only sealed ({@link OneTimeCodeSeal}, AES-GCM under a key shared by the orchestrator
 * and the notifier through the environment), so that reading the topic or the outbox table does not
 * reveal it. Same compatibility rules as {@link org.opd.schemas.token.TokenEvent}.
 *
 * @param schemaVersion version of this contract, {@link #SCHEMA_VERSION} when written
 * @param eventId       unique per event; consumers drop duplicates by it
 * @param patientId     the patient the SMS goes to (the first one registered with the phone in the hospital)
 * @param sealedCode    the code sealed for {@code patientId} by {@link OneTimeCodeSeal#seal}
 * @param expiresAt     after this the code no longer works, so it is not sent either
 */
public record OneTimeCodeIssued(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID hospitalId,
        String sealedCode,
        Instant expiresAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The outbox {@code type} (and {@code eventType} header) of this event. */
    public static final String TYPE = "ONE_TIME_CODE_ISSUED";

    /** Leaves the sealed code out: it is no use to a log reader without the key, but has no place in a log either. */
    @Override
    public String toString() {
        return "OneTimeCodeIssued[eventId=" + eventId + ", patientId=" + patientId + ", hospitalId=" + hospitalId
                + ", occurredAt=" + occurredAt + ", expiresAt=" + expiresAt + "]";
    }
}
