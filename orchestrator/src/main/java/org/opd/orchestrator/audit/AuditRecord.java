package org.opd.orchestrator.audit;

import java.time.Instant;

/**
 * One audited request, as {@link AuditLog} writes it.
 *
 * @param clientAddress the address the request came from (an IP literal), or null
 * @param requestId     the caller's {@code X-Request-Id}, when it looks like one
 */
public record AuditRecord(Instant occurredAt, AuditCaller caller, AuditedRequest request, String method, int status,
                          String clientAddress, String requestId) {

    public AuditOutcome outcome() {
        return AuditOutcome.of(status);
    }
}
