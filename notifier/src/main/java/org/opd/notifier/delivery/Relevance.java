package org.opd.notifier.delivery;

import java.util.Optional;

import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenStatus;

/**
 * Whether a message still makes sense given the token's current state in PostgreSQL, so that a
 * retried or delayed message is never sent late: no "three to go" once the patient was called,
 * no "please come in" once the consultation started, no token news once it was cancelled.
 */
final class Relevance {

    private Relevance() {
    }

    /** Empty when the message may go; else why not, for {@code failed_reason}. */
    static Optional<String> whyNotSend(NotificationType type, TokenStatus status, boolean called) {
        boolean relevant = switch (type) {
            case TOKEN_CREATED, REASSIGNED, TRANSFERRED -> !status.isFinal() && status != TokenStatus.IN_CONSULTATION && !called;
            // A parked token keeps its status in line; once it is over, being on hold or back is no news.
            case PARKED, RECALLED -> status.isInLine();
            case T_MINUS_3, DOCTOR_DELAYED -> status.isInLine() && !called;
            case CALL_NOW -> status.isInLine() && called;
            case CANCELLED -> status == TokenStatus.CANCELLED;
            case RESCHEDULED -> status == TokenStatus.RESCHEDULED;
            // About no token: its expiry decides (DeliveryDispatcher); one tied to a token is a mistake.
            case SIGN_IN_CODE -> false;
            // About an appointment, not a token: the appointment's state decides (SendContexts), one tied to a token is a mistake.
            case WAITLIST_OFFER, APPOINTMENT_BOOKED, REMINDER_DAY_BEFORE, REMINDER_HOUR_BEFORE -> false;
        };
        if (relevant) {
            return Optional.empty();
        }
        return Optional.of("Not sent: no longer relevant, the token is " + status + (called ? " and was called" : ""));
    }
}
