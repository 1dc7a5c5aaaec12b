package org.opd.schemas.identity;

/** Who a JWT speaks for, in {@link Claims#PRINCIPAL_TYPE}. */
public enum PrincipalType {
    /** A staff member signed in with e-mail and password. */
    STAFF,
    /** A patient signed in with a one-time code sent to their phone. */
    PATIENT,
    /** A waiting-room screen with its read-only credential. */
    DEVICE,
    /** A hospital system with a client-credentials client. */
    CLIENT
}
