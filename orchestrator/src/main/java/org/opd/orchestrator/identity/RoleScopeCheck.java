package org.opd.orchestrator.identity;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether roles may be given as asked: a doctor's role names a doctor of the hospital, a
 * department head's a department of it, and only an administrator of that hospital gives them
 * (of every hospital, for roles without one).
 */
@Component
public class RoleScopeCheck {

    private final DoctorRepository doctors;
    private final DepartmentRepository departments;

    RoleScopeCheck(DoctorRepository doctors, DepartmentRepository departments) {
        this.doctors = doctors;
        this.departments = departments;
    }

    public void check(RoleScope scope, Caller grantor) {
        if (!grantor.has(Role.ADMIN) || (scope.hospitalId() == null ? grantor.hospitalId() != null : !grantor.mayActIn(scope.hospitalId()))) {
            throw new PermissionDeniedException(scope.hospitalId() == null
                    ? "role ADMIN of every hospital" : "role ADMIN of hospital " + scope.hospitalId());
        }
        if (scope.roles().isEmpty()) {
            throw new InvalidInputException("roles", "must name at least one role");
        }
        if (scope.roles().contains(Role.DOCTOR) != (scope.doctorId() != null)) {
            throw new InvalidInputException("doctorId", "is required with the DOCTOR role, and only with it");
        }
        if (scope.roles().contains(Role.DEPARTMENT_HEAD) && scope.deptId() == null) {
            throw new InvalidInputException("deptId", "is required with the DEPARTMENT_HEAD role");
        }
        if (scope.doctorId() != null) {
            Doctor doctor = doctors.require(scope.doctorId());
            sameHospital(scope.hospitalId(), doctor.hospitalId(), "doctorId");
        }
        if (scope.deptId() != null) {
            Department department = departments.require(scope.deptId());
            sameHospital(scope.hospitalId(), department.hospitalId(), "deptId");
        }
    }

    private static void sameHospital(UUID expected, UUID actual, String field) {
        if (!actual.equals(expected)) {
            throw new BusinessRuleException("other-hospital", "Another hospital's record",
                    field + " belongs to another hospital", Map.of("field", field));
        }
    }
}
