package org.opd.orchestrator.department;

import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
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

    @Transactional(readOnly = true)
    public Page<Department> list(UUID hospitalId, DepartmentStatus status, PageRequest page) {
        hospitals.require(hospitalId);
        return departments.page(hospitalId, status, page);
    }

    @Transactional(readOnly = true)
    public Department require(UUID deptId) {
        return departments.require(deptId);
    }

    /** Applies to tokens issued from now on; a lower daily limit does not take back tokens already issued. */
    @Transactional
    public Department updateSettings(UUID deptId, DepartmentSettings settings) {
        return departments.updateSettings(deptId, settings);
    }

    @Transactional
    public Department updateStatus(UUID deptId, DepartmentStatus status) {
        return departments.updateStatus(deptId, status);
    }
}
