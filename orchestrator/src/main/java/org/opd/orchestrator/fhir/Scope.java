package org.opd.orchestrator.fhir;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.opd.schemas.identity.Role;
import org.opd.security.Caller;

/**
 * Which records a caller's searches may return, by the scope rules of the API (ScopeCheck): their hospital
 * (every hospital for a caller without one); for patient records, a caller who is only a department head only
 * their department's, a caller who is only a patient only their own.
 *
 * @param hospitalId null: every hospital
 * @param deptId     null: every department of the hospital
 * @param patientIds null: every patient of the hospital
 */
record Scope(UUID hospitalId, UUID deptId, Set<UUID> patientIds) {

    static Scope directory(Caller caller) {
        return new Scope(caller.hospitalId(), null, null);
    }

    static Scope patientRecords(Caller caller) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        granted.addAll(caller.roles());
        granted.retainAll(FhirAccess.PATIENT_RECORDS);
        boolean onlyPatient = granted.equals(Set.of(Role.PATIENT));
        boolean onlyHead = granted.equals(Set.of(Role.DEPARTMENT_HEAD));
        return new Scope(caller.hospitalId(), onlyHead ? caller.deptId() : null, onlyPatient ? caller.patientIds() : null);
    }
}
