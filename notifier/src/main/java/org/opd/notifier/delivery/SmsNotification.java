package org.opd.notifier.delivery;

import java.util.UUID;

import org.opd.schemas.notification.NotificationType;

/**
 * One SMS to one patient about one token. {@link #toString()} leaves out the phone number and
 * the text, so the record can appear in logs and exceptions.
 */
public record SmsNotification(UUID tokenId, UUID patientId, NotificationType type, String phoneNumber, String message) {

    @Override
    public String toString() {
        return "SmsNotification[tokenId=" + tokenId + ", patientId=" + patientId + ", type=" + type + "]";
    }
}
