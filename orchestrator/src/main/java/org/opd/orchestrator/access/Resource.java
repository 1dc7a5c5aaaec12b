package org.opd.orchestrator.access;

/** A kind of record a request names, by the path variable or query parameter that holds its id. */
public enum Resource {
    HOSPITAL("hospitalId"),
    DEPARTMENT("deptId"),
    CABIN("cabinId"),
    DOCTOR("doctorId"),
    SHIFT("assignmentId"),
    PATIENT("patientId"),
    TOKEN("tokenId"),
    SCHEDULE_EXCEPTION("exceptionId"),
    APPOINTMENT("appointmentId"),
    /** A patient's place on a doctor's waitlist for a day. */
    WAITLIST_ENTRY("entryId"),
    /** A token as the consultation it was, also once archived: its note outlives the live token. */
    CONSULTATION("tokenId"),
    /** An operations alert, whose hospital (and department) is its entity's. */
    ALERT("alertId");

    final String parameter;

    Resource(String parameter) {
        this.parameter = parameter;
    }
}
