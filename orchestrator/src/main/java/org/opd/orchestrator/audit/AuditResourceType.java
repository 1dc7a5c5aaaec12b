package org.opd.orchestrator.audit;

/** The kinds of patient record the audit trail covers; see {@link AuditedResources} for which paths are which. */
public enum AuditResourceType {
    PATIENT,
    /** A token names its patient, so reading or moving it is access to the patient's record. */
    TOKEN,
    /** The consultation note of a token (SOAP and diagnoses); the resource id is the token's. */
    CONSULTATION_NOTE,
    /** An appointment booked ahead names its patient, as a token does. */
    APPOINTMENT,
    /** A patient's place on a doctor's waitlist for a day (and a doctor's day's list: who waits). */
    WAITLIST_ENTRY,
    /** A doctor's live queue: which tokens, and so which patients, are waiting. */
    DOCTOR_QUEUE,
    DEPARTMENT_QUEUE,
    HOSPITAL_QUEUE,
    /** The audit trail itself: who looked at who accessed which patient. */
    AUDIT_LOG;

    /** Its resource id is a token's, whose patient the audit row names. */
    boolean isAboutAToken() {
        return this == TOKEN || this == CONSULTATION_NOTE;
    }
}
