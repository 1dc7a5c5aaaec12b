package org.opd.orchestrator.cabin;

import java.util.UUID;

import org.opd.orchestrator.department.DepartmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CabinService {

    private final DepartmentRepository departments;
    private final CabinRepository cabins;

    CabinService(DepartmentRepository departments, CabinRepository cabins) {
        this.departments = departments;
        this.cabins = cabins;
    }

    @Transactional
    public Cabin create(UUID deptId, NewCabin cabin) {
        departments.require(deptId);
        return cabins.create(deptId, cabin);
    }
}
