package org.opd.orchestrator.cabin;

import java.util.UUID;

import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
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

    @Transactional(readOnly = true)
    public Page<Cabin> list(UUID deptId, CabinStatus status, Integer floorNumber, PageRequest page) {
        departments.require(deptId);
        return cabins.page(deptId, status, floorNumber, page);
    }

    @Transactional(readOnly = true)
    public Cabin require(UUID cabinId) {
        return cabins.require(cabinId);
    }

    @Transactional
    public Cabin updateStatus(UUID cabinId, CabinStatus status) {
        return cabins.updateStatus(cabinId, status);
    }
}
