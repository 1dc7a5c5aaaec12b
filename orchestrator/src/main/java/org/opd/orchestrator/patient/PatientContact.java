package org.opd.orchestrator.patient;

/**
 * How a patient is reached, as a whole: what is not given is cleared (email, push token).
 *
 * @param fcmToken          the device's push token; null when the patient has no app (any more)
 * @param preferredLanguage the language of the patient's messages; null: the notifier's default
 */
public record PatientContact(String phone, String email, boolean whatsappOptIn, boolean smsOptIn, String fcmToken,
        String preferredLanguage) {
}
