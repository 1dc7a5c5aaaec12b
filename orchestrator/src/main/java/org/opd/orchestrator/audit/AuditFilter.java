package org.opd.orchestrator.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit rows to list; each null part does not filter.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AuditFilter(String actorSubject, UUID patientId, AuditResourceType resourceType, UUID resourceId,
                          AuditOutcome outcome, Instant from, Instant to, UUID hospitalId) {
}
