package org.opd.orchestrator.patient;

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

    @Transactional(readOnly = true)
    public Patient require(UUID patientId) {
        return patients.require(patientId);
    }
}
