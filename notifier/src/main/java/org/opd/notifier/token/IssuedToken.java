package org.opd.notifier.token;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What the patient is told about a new token, and where to reach them. Holds no patient name;
 * {@link #toString()} leaves out the phone number.
 */
record IssuedToken(
        UUID tokenId,
        String tokenNumber,
        UUID patientId,
        String phone,
        boolean smsOptIn,
        String doctorName,
        String departmentName,
        String cabinNumber,
        Instant scheduledTime,
        ZoneId hospitalZone) {

    @Override
    public String toString() {
        return "IssuedToken[tokenId=" + tokenId + ", tokenNumber=" + tokenNumber + ", patientId=" + patientId + "]";
    }
}
