package org.opd.orchestrator.hospital;

public enum HospitalStatus {
    ACTIVE,
    INACTIVE
}
