package org.opd.orchestrator.department;

import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DepartmentService {

    private final HospitalRepository hospitals;
    private final DepartmentRepository departments;

    DepartmentService(HospitalRepository hospitals, DepartmentRepository departments) {
        this.hospitals = hospitals;
        this.departments = departments;
    }

    @Transactional
    public Department create(UUID hospitalId, NewDepartment department) {
        hospitals.require(hospitalId);
        return departments.create(hospitalId, department);
    }
}
