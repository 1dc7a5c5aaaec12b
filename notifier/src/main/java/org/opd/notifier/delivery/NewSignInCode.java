package org.opd.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in code to log and then send by SMS. About no token; the phone is looked up as it goes out.
 * {@link #toString()} leaves out the text and the sealed code.
 *
 * @param eventId     the identity event it comes from; a replayed event finds its row and sends nothing
 * @param maskedText  the message with the code masked, as logged
 * @param sealedCode  the code as sealed in the event, opened only to send; cleared once the row's outcome is final
 * @param expiresAt   after this it is not sent, not even by a retry
 */
public record NewSignInCode(UUID eventId, UUID patientId, String maskedText, String sealedCode, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewSignInCode[eventId=" + eventId + ", patientId=" + patientId + ", expiresAt=" + expiresAt + "]";
    }
}
