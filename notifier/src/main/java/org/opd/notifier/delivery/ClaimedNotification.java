package org.opd.notifier.delivery;

import java.util.UUID;

import org.opd.notifier.channel.Channel;
import org.opd.schemas.notification.NotificationType;

/**
 * A PENDING row whose attempt has started: its attempt marker is committed, so this notifier is
 * the only one sending it. {@link #toString()} leaves out the phone number and the text.
 *
 * @param failedAttempts attempts that failed so far ({@code retry_count})
 */
record ClaimedNotification(UUID notificationId, UUID tokenId, UUID patientId, Channel channel, NotificationType type,
                           String message, String phoneNumber, int failedAttempts) {

    @Override
    public String toString() {
        return "ClaimedNotification[notificationId=" + notificationId + ", tokenId=" + tokenId + ", type=" + type
                + ", channel=" + channel + ", failedAttempts=" + failedAttempts + "]";
    }
}
