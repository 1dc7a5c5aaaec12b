package org.opd.orchestrator.patient;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PatientService {

    private final HospitalRepository hospitals;
    private final PatientRepository patients;

    PatientService(HospitalRepository hospitals, PatientRepository patients) {
        this.hospitals = hospitals;
        this.patients = patients;
    }

    @Transactional
    public Patient register(UUID hospitalId, NewPatient patient) {
        hospitals.require(hospitalId);
        return patients.create(hospitalId, patient);
    }

    @Transactional(readOnly = true)
    public Page<Patient> list(UUID hospitalId, String uhid, String phone, PageRequest page) {
        hospitals.require(hospitalId);
        return patients.page(hospitalId, uhid, phone, page);
    }

    /** The notifier reads contact details when it sends, so a change (an opt-out) applies to the next message. */
    @Transactional
    public Patient updateContact(UUID patientId, PatientContact contact) {
        return patients.updateContact(patientId, contact);
    }

    /**
     * The hospital's patients whose phone, as registered, is one of {@code phones}, oldest first.
     * Numbers are stored as given at registration, so callers pass every written form they accept.
     */
    @Transactional(readOnly = true)
    public List<Patient> withPhoneAmong(UUID hospitalId, Collection<String> phones) {
        return phones.isEmpty() ? List.of() : patients.withPhoneAmong(hospitalId, phones);
    }

    @Transactional(readOnly = true)
    public Patient require(UUID patientId) {
        return patients.require(patientId);
    }
}
