package org.opd.notifier.template;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a message may say about a token. No patient name, no phone number.
 *
 * @param position     place in line, for the queue-driven types; null otherwise
 * @param etaMinutes   the median wait the patient is told; null when the type speaks of none
 * @param delayMinutes how far the doctor's ETA slipped, for DOCTOR_DELAYED
 */
public record MessageFacts(
        String tokenNumber,
        String doctorName,
        String departmentName,
        String cabinNumber,
        Instant scheduledTime,
        ZoneId hospitalZone,
        URI statusLink,
        Integer position,
        Integer etaMinutes,
        Integer delayMinutes) {
}
