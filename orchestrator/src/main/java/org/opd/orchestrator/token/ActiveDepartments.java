package org.opd.orchestrator.token;

import java.util.Map;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.error.BusinessRuleException;

/** Only an ACTIVE department takes tokens, issued or transferred to it. */
final class ActiveDepartments {

    private static final String ACTIVE = "ACTIVE";

    private ActiveDepartments() {
    }

    /** @param field the request's field that chose the department (through its doctor) */
    static void require(Department department, String field) {
        if (!ACTIVE.equals(department.status())) {
            throw new BusinessRuleException("department-inactive", "Department inactive",
                    "Department " + department.deptId() + " is " + department.status() + " and takes no tokens",
                    Map.of("field", field));
        }
    }
}
