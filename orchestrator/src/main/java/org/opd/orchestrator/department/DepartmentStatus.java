package org.opd.orchestrator.department;

/** An INACTIVE department keeps its history but issues no tokens. */
public enum DepartmentStatus {
    ACTIVE,
    INACTIVE
}
