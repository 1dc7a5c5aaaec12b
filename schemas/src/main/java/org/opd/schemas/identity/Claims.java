package org.opd.schemas.identity;

/**
 * The JWT claims every service reads, issued by the embedded authorization server and expected
 * from any other issuer a hospital configures (an IdP maps its own attributes onto these names).
 * Ids are UUID strings; a claim that does not apply is absent.
 */
public final class Claims {

    /** Array of {@link Role} names. */
    public static final String ROLES = "roles";

    /** {@link PrincipalType} name. */
    public static final String PRINCIPAL_TYPE = "principal_type";

    /** The hospital a staff member, screen, client or patient belongs to. */
    public static final String HOSPITAL_ID = "hospital_id";

    /** The department a department head or a department screen is limited to. */
    public static final String DEPT_ID = "dept_id";

    /** The doctor a doctor account is tied to ({@code doctors.doctor_id}). */
    public static final String DOCTOR_ID = "doctor_id";

    /** Array of the patient ids a patient session may read (every patient registered with the phone). */
    public static final String PATIENT_IDS = "patient_ids";

    /** The screen a display-device credential belongs to, so that revoking it takes effect at once. */
    public static final String DEVICE_ID = "device_id";

    /** Seconds since the epoch when the person signed in; a patient session ends an hour after it. */
    public static final String AUTH_TIME = "auth_time";

    private Claims() {
    }
}
