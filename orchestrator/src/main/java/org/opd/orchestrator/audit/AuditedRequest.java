package org.opd.orchestrator.audit;

import java.util.UUID;

/**
 * What an audited request is about, as {@link AuditedResources} reads it from the method and path.
 *
 * @param resourceId the id in the path (a token, a patient, a doctor of a queue); null for a list or a creation
 * @param patientId  the patient, when the request names it (a patient's path, a {@code patientId} query parameter)
 * @param path       the path template and the query parameters' names, never their values:
 *                   {@code /api/v1/hospitals/{hospitalId}/patients?phone}
 */
public record AuditedRequest(AuditResourceType resourceType, UUID resourceId, AuditAction action, String path,
                             UUID patientId) {

    /** The same request, now known to be about this record (the id of what it created). */
    public AuditedRequest about(UUID id) {
        return new AuditedRequest(resourceType, id, action, path,
                patientId == null && resourceType == AuditResourceType.PATIENT ? id : patientId);
    }

    /** The same request, now known to be about this patient (the patient of a token). */
    public AuditedRequest ofPatient(UUID patient) {
        return new AuditedRequest(resourceType, resourceId, action, path, patient);
    }
}
