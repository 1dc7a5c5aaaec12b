package org.opd.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

import org.opd.notifier.channel.Channel;
import org.opd.schemas.notification.NotificationType;

/**
 * A PENDING row whose attempt has started: its attempt marker is committed, so this notifier is
 * the only one sending it. {@link #toString()} leaves out the phone number and the text.
 *
 * @param tokenId        null for a message about no token (a sign-in code, a message about an appointment)
 * @param appointmentId  for a message about an appointment booked ahead (a waitlist offer, a reminder); else null
 * @param failedAttempts attempts that failed so far ({@code retry_count})
 * @param sealedCode     for a sign-in code: the code, sealed, to be put into {@code message} as it is sent; else null
 * @param expiresAt      when the message is no longer worth sending (a sign-in code); else null
 */
record ClaimedNotification(UUID notificationId, UUID tokenId, UUID appointmentId, UUID patientId, Channel channel, NotificationType type,
                           String message, String phoneNumber, int failedAttempts, String sealedCode,
                           Instant expiresAt) {

    @Override
    public String toString() {
        return "ClaimedNotification[notificationId=" + notificationId + ", tokenId=" + tokenId + ", appointmentId="
                + appointmentId + ", type=" + type
                + ", channel=" + channel + ", failedAttempts=" + failedAttempts + "]";
    }
}
