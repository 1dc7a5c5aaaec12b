package org.opd.orchestrator.access;

import java.util.Set;
import java.util.UUID;

import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether a caller's roles reach a record: staff and screens within their hospital (a department
 * head and a department screen within their department, a doctor within their own queue where the
 * rule says so), a patient only their own records. A caller without a hospital (the bootstrap
 * administrator or client) reaches every hospital.
 */
@Component
public class ScopeCheck {

    private final ResourceOwners owners;

    ScopeCheck(ResourceOwners owners) {
        this.owners = owners;
    }

    /**
     * For services that check what a request body names (the doctor and patient of a new token).
     * An unknown record passes, so that the service answers 404 as it would for anyone.
     */
    public void requireReach(Caller caller, Resource resource, UUID id) {
        owners.of(resource, id).ifPresent(found -> {
            if (!reaches(caller, caller.roles(), found, false)) {
                throw denied(resource, false);
            }
        });
    }

    void require(Caller caller, AccessRule rule, Resource resource, UUID id) {
        owners.of(resource, id).ifPresent(found -> {
            if (!reaches(caller, rule.roles(), found, rule.ownDoctor())) {
                throw denied(resource, rule.ownDoctor() && caller.has(Role.DOCTOR));
            }
        });
    }

    static boolean reaches(Caller caller, Set<Role> granted, Owners owners, boolean ownDoctor) {
        if (!caller.mayActIn(owners.hospitalId())) {
            return false;
        }
        for (Role role : caller.roles()) {
            if (granted.contains(role) && reachesAs(role, caller, owners, ownDoctor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesAs(Role role, Caller caller, Owners owners, boolean ownDoctor) {
        return switch (role) {
            case DOCTOR -> !ownDoctor || (owners.doctorId() != null && owners.doctorId().equals(caller.doctorId()));
            case DEPARTMENT_HEAD -> owners.deptId() == null || owners.deptId().equals(caller.deptId());
            case DISPLAY -> caller.deptId() == null || owners.deptId() == null || owners.deptId().equals(caller.deptId());
            case PATIENT -> owners.patientId() == null || caller.patientIds().contains(owners.patientId());
            case ADMIN, RECEPTIONIST, NURSE, OPERATIONS -> true;
        };
    }

    static PermissionDeniedException denied(Resource resource, boolean ownDoctor) {
        return new PermissionDeniedException(ownDoctor ? "the doctor's own queue"
                : "access to this " + resource.name().toLowerCase() + "'s hospital, department or patient");
    }
}
