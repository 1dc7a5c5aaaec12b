package org.opd.orchestrator.patient.web;

import java.time.LocalDate;

import org.opd.orchestrator.patient.NewPatient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterPatientRequest(
        @NotBlank @Size(max = 50) String uhid,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Pattern(regexp = "\\+?[0-9]{6,14}", message = "must be a phone number of 6 to 14 digits, optionally after +") String phone,
        @Email @Size(max = 255) String email,
        @Past LocalDate dateOfBirth,
        @Size(max = 10) String gender,
        Boolean whatsappOptIn,
        Boolean smsOptIn,
        @Size(max = 4096) String fcmToken,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en or hi") String preferredLanguage) {

    NewPatient toNewPatient() {
        return new NewPatient(uhid, name, phone, email, dateOfBirth, gender, whatsappOptIn, smsOptIn, fcmToken,
                preferredLanguage);
    }
}
