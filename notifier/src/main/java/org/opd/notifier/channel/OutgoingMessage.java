package org.opd.notifier.channel;

import java.util.UUID;

/**
 * One message for a provider. {@link #toString()} leaves out the address (a phone number or a
 * device token) and the text, so the record can appear in logs and exceptions.
 *
 * @param notificationId our id of the message, handed to providers that echo it in status callbacks
 * @param address        phone number in E.164 form, or the device's FCM registration token for push
 */
public record OutgoingMessage(UUID notificationId, String tokenNumber, String address, String text) {

    @Override
    public String toString() {
        return "OutgoingMessage[notificationId=" + notificationId + ", tokenNumber=" + tokenNumber + "]";
    }
}
