package org.opd.orchestrator.patient.web;

import org.opd.orchestrator.patient.PatientContact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The whole contact of a patient; email, fcmToken and preferredLanguage left out are cleared. */
record UpdateContactRequest(
        @NotBlank @Pattern(regexp = "\\+?[0-9]{6,14}", message = "must be a phone number of 6 to 14 digits, optionally after +") String phone,
        @Email @Size(max = 255) String email,
        @NotNull Boolean whatsappOptIn,
        @NotNull Boolean smsOptIn,
        @Size(max = 4096) String fcmToken,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en or hi") String preferredLanguage) {

    PatientContact toContact() {
        return new PatientContact(phone, email, whatsappOptIn, smsOptIn, fcmToken, preferredLanguage);
    }
}
