package org.opd.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal decided by the service's own rule (a doctor moving another doctor's token, a patient
 * reading another patient's), answered as 403 naming the permission that was missing.
 */
public class PermissionDeniedException extends AccessDeniedException {

    private final String permission;

    /** @param permission what the caller would need, as a person reads it ("the doctor's own queue") */
    public PermissionDeniedException(String permission) {
        super("Missing permission: " + permission);
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }
}
