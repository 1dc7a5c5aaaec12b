package org.opd.orchestrator.doctor;

import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DoctorService {

    private static final Logger log = LoggerFactory.getLogger(DoctorService.class);

    private final HospitalRepository hospitals;
    private final DepartmentRepository departments;
    private final DoctorRepository doctors;

    DoctorService(HospitalRepository hospitals, DepartmentRepository departments, DoctorRepository doctors) {
        this.hospitals = hospitals;
        this.departments = departments;
        this.doctors = doctors;
    }

    @Transactional
    public Doctor create(UUID hospitalId, NewDoctor doctor) {
        hospitals.require(hospitalId);
        if (doctor.primaryDeptId() != null) {
            Department department = departments.require(doctor.primaryDeptId());
            if (!department.hospitalId().equals(hospitalId)) {
                throw new OtherHospitalException("Department " + department.deptId() + " belongs to another hospital", "primaryDeptId");
            }
        }
        return doctors.create(hospitalId, doctor);
    }

    @Transactional(readOnly = true)
    public Page<Doctor> list(UUID hospitalId, DutyStatus status, UUID deptId, String specialization, PageRequest page) {
        hospitals.require(hospitalId);
        return doctors.page(hospitalId, status, deptId, specialization, page);
    }

    @Transactional(readOnly = true)
    public Doctor require(UUID doctorId) {
        return doctors.require(doctorId);
    }

    /** Applies to tokens issued and events written from now on. */
    @Transactional
    public Doctor updateSettings(UUID doctorId, DoctorSettings settings) {
        return doctors.updateSettings(doctorId, settings);
    }

    /** A doctor ON_LEAVE or INACTIVE gets no new tokens; tokens already issued stay for staff to move. */
    @Transactional
    public Doctor updateStatus(UUID doctorId, DutyStatus status) {
        Doctor updated = doctors.updateStatus(doctorId, status);
        try (LogContext ignored = LogContext.doctor(doctorId)) {
            log.info("Doctor is now {}", status);
        }
        return updated;
    }
}
