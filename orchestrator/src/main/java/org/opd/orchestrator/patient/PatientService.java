package org.opd.orchestrator.patient;

import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
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
}
