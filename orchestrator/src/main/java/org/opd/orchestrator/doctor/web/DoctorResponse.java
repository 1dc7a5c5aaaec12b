package org.opd.orchestrator.doctor.web;

import java.util.UUID;

import org.opd.orchestrator.doctor.Doctor;

record DoctorResponse(
        UUID doctorId,
        UUID hospitalId,
        String empCode,
        String name,
        String specialization,
        UUID primaryDeptId,
        String phone,
        String email,
        int avgConsultationMinutes,
        int maxTokensPerSession,
        String status) {

    static DoctorResponse of(Doctor d) {
        return new DoctorResponse(d.doctorId(), d.hospitalId(), d.empCode(), d.name(), d.specialization(),
                d.primaryDeptId(), d.phone(), d.email(), d.avgConsultationMinutes(), d.maxTokensPerSession(), d.status());
    }
}
