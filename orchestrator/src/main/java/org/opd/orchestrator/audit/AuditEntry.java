package org.opd.orchestrator.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of the audit trail, as an admin reads it.
 *
 * @param occurredAt    in the time zone of the caller's hospital, UTC when the caller had none
 * @param actorSubject  the JWT subject; null when the caller was not authenticated (a 401)
 * @param hospitalId    the caller's hospital claim
 * @param resourceId    the id in the path; null for lists and for a creation refused before it happened
 * @param patientId     the patient the request was about, when known
 * @param path          the path template and the query parameters' names, without their values
 * @param clientAddress the address the request came from
 */
public record AuditEntry(
        UUID auditId,
        OffsetDateTime occurredAt,
        String actorSubject,
        String actorType,
        List<String> actorRoles,
        UUID hospitalId,
        AuditAction action,
        AuditResourceType resourceType,
        UUID resourceId,
        UUID patientId,
        String method,
        String path,
        int status,
        AuditOutcome outcome,
        String clientAddress,
        String requestId) {
}
