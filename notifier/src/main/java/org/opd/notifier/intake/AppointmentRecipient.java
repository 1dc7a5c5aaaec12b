package org.opd.notifier.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Who is told about an appointment booked ahead, how they can be reached, and what the message says about it.
 * Holds no patient name; {@link #toString()} leaves out the phone number.
 *
 * @param language   the patient's preferred language, or null
 * @param paymentUrl the appointment's payment link, for a paid doctor's hold; else null
 */
record AppointmentRecipient(
        UUID appointmentId,
        UUID patientId,
        String phone,
        boolean smsOptIn,
        boolean whatsAppOptIn,
        String language,
        String doctorName,
        String departmentName,
        Instant startsAt,
        ZoneId hospitalZone,
        String paymentUrl) {

    @Override
    public String toString() {
        return "AppointmentRecipient[appointmentId=" + appointmentId + ", patientId=" + patientId + "]";
    }
}
