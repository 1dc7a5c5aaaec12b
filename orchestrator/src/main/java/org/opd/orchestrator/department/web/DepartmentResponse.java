package org.opd.orchestrator.department.web;

import java.util.UUID;

import org.opd.orchestrator.department.Department;

record DepartmentResponse(
        UUID deptId,
        UUID hospitalId,
        String name,
        String code,
        int avgConsultationMinutes,
        int bufferMinutes,
        int maxTokensPerDay,
        String colorCode,
        int priorityLevel,
        String status) {

    static DepartmentResponse of(Department d) {
        return new DepartmentResponse(d.deptId(), d.hospitalId(), d.name(), d.code(), d.avgConsultationMinutes(),
                d.bufferMinutes(), d.maxTokensPerDay(), d.colorCode(), d.priorityLevel(), d.status());
    }
}
