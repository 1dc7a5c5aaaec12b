package org.opd.orchestrator.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient registered at one hospital. Name and phone are personal data: they never go into
 * logs or events.
 *
 * @param uhid              the hospital's patient id, unique within the hospital
 * @param preferredLanguage the language of the patient's messages (e.g. en, hi); null: the notifier's default
 */
public record Patient(
        UUID patientId,
        UUID hospitalId,
        String uhid,
        String name,
        String phone,
        String email,
        LocalDate dateOfBirth,
        String gender,
        boolean whatsappOptIn,
        boolean smsOptIn,
        boolean hasPushToken,
        String preferredLanguage) {
}
