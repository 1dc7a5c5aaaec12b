package org.opd.orchestrator.doctor;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DoctorService {

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
                throw new BusinessRuleException("other-hospital", "Belongs to another hospital",
                        "Department " + department.deptId() + " belongs to another hospital",
                        Map.of("field", "primaryDeptId"));
            }
        }
        return doctors.create(hospitalId, doctor);
    }
}
