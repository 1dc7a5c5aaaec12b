package org.opd.orchestrator.patient;

import java.time.LocalDate;

/** A patient to register; null opt-ins take the schema's defaults. */
public record NewPatient(
        String uhid,
        String name,
        String phone,
        String email,
        LocalDate dateOfBirth,
        String gender,
        Boolean whatsappOptIn,
        Boolean smsOptIn,
        String fcmToken,
        String preferredLanguage) {
}
