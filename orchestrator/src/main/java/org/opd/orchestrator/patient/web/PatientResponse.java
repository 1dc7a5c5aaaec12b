package org.opd.orchestrator.patient.web;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.patient.Patient;

/** The push token itself is a credential for the patient's device and is never shown back. */
record PatientResponse(
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

    static PatientResponse of(Patient p) {
        return new PatientResponse(p.patientId(), p.hospitalId(), p.uhid(), p.name(), p.phone(), p.email(),
                p.dateOfBirth(), p.gender(), p.whatsappOptIn(), p.smsOptIn(), p.hasPushToken(), p.preferredLanguage());
    }
}
