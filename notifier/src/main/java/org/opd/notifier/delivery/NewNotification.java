package org.opd.notifier.delivery;

import java.util.UUID;

import org.opd.notifier.channel.Channel;
import org.opd.schemas.notification.NotificationType;

/**
 * A message to log and then send. {@link #toString()} leaves out the phone number and the text,
 * so the record can appear in logs and exceptions.
 *
 * @param phoneNumber the patient's number for SMS and WhatsApp; null for push, whose device token is
 *                    looked up when the message goes out
 */
public record NewNotification(UUID tokenId, UUID patientId, NotificationType type, Channel channel, String phoneNumber,
                              String message) {

    @Override
    public String toString() {
        return "NewNotification[tokenId=" + tokenId + ", patientId=" + patientId + ", type=" + type
                + ", channel=" + channel + "]";
    }
}
