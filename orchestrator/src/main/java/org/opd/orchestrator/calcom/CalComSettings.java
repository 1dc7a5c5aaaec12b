package org.opd.orchestrator.calcom;

import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator sets up for the sync: the hospital's webhook secret and each doctor's Cal.com user. */
@Service
public class CalComSettings {

    private final CalComRepository calCom;
    private final HospitalRepository hospitals;
    private final DoctorRepository doctors;

    CalComSettings(CalComRepository calCom, HospitalRepository hospitals, DoctorRepository doctors) {
        this.calCom = calCom;
        this.hospitals = hospitals;
        this.doctors = doctors;
    }

    @Transactional
    public void setWebhookSecret(UUID hospitalId, String secret) {
        hospitals.require(hospitalId);
        calCom.saveWebhookSecret(hospitalId, secret);
    }

    @Transactional
    public void mapDoctor(UUID doctorId, String userId, String eventTypeId) {
        doctors.require(doctorId);
        calCom.mapDoctor(doctorId, userId, eventTypeId);
    }
}
