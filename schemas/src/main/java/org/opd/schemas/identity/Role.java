package org.opd.schemas.identity;

/**
 * What a caller may do. Staff roles are scoped to one hospital (and a doctor account to its
 * doctor); {@link #PATIENT} and {@link #DISPLAY} are the roles of patients signed in by one-time
 * code and of waiting-room screens. A JWT carries them in {@link Claims#ROLES}.
 */
public enum Role {
    ADMIN,
    RECEPTIONIST,
    NURSE,
    DOCTOR,
    DEPARTMENT_HEAD,
    OPERATIONS,
    PATIENT,
    DISPLAY;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles a staff account may hold (not patients, not screens). */
    public boolean isStaff() {
        return this != PATIENT && this != DISPLAY;
    }
}
