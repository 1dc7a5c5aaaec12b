package org.opd.notifier.template;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a message may say about an appointment booked ahead. No patient name, no phone number.
 *
 * @param holdExpiresAt for an offer: until when the slot is held; else null
 * @param link          for an offer: where the patient pays (a paid doctor) or confirms it; else null
 */
public record AppointmentFacts(
        String doctorName,
        String departmentName,
        Instant startsAt,
        ZoneId hospitalZone,
        Instant holdExpiresAt,
        URI link) {
}
