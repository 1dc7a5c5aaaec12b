package org.opd.notifier.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Who is told about a token, how they can be reached, and what the message says about it. Holds no
 * patient name; {@link #toString()} leaves out the phone number and the device token.
 *
 * @param language the patient's preferred language, or null
 */
record Recipient(
        UUID tokenId,
        String tokenNumber,
        UUID patientId,
        String phone,
        boolean smsOptIn,
        boolean whatsAppOptIn,
        boolean hasPushDevice,
        String language,
        String doctorName,
        String departmentName,
        String cabinNumber,
        Instant scheduledTime,
        ZoneId hospitalZone) {

    @Override
    public String toString() {
        return "Recipient[tokenId=" + tokenId + ", tokenNumber=" + tokenNumber + ", patientId=" + patientId + "]";
    }
}
