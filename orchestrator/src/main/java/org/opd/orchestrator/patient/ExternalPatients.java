package org.opd.orchestrator.patient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.identity.otp.OneTimeCodeProperties;
import org.opd.orchestrator.identity.otp.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients who arrive from another system (a Cal.com booking, an ABDM profile share): found by their
 * phone among the hospital's patients, in any way a registration may have written it, or registered
 * with the number in E.164 form. Runs in the caller's transaction, so that a failed intake leaves no
 * patient behind.
 */
@Service
public class ExternalPatients {

    private final PatientRepository patients;
    private final PhoneNumbers phoneNumbers;

    ExternalPatients(PatientRepository patients, OneTimeCodeProperties otp) {
        this.patients = patients;
        this.phoneNumbers = new PhoneNumbers(otp.defaultCountryCode());
    }

    /** The number in E.164 form; empty when it is not a phone number. */
    public Optional<String> normalisedPhone(String raw) {
        return phoneNumbers.normalise(raw);
    }

    /**
     * The oldest patient of the hospital with this (E.164) phone and this name (letter case and spaces
     * aside): family members often share one phone, and a booking must not land in a relative's record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Patient> withPhoneAndName(UUID hospitalId, String e164, String name) {
        List<Patient> found = patients.withPhoneAmong(hospitalId, phoneNumbers.writtenForms(e164));
        return found.stream().filter(p -> sameName(p.name(), name)).findFirst();
    }

    private static boolean sameName(String a, String b) {
        return a != null && b != null && squeeze(a).equalsIgnoreCase(squeeze(b));
    }

    private static String squeeze(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Patient require(UUID patientId) {
        return patients.require(patientId);
    }

    /** Registers the patient; its phone must be in E.164 form. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Patient register(UUID hospitalId, NewPatient patient) {
        return patients.create(hospitalId, patient);
    }
}
