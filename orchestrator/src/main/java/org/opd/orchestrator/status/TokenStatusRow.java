package org.opd.orchestrator.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/** What PostgreSQL has of a token for its status page. {@code changedAt}: its last change (for a final token, its end). */
record TokenStatusRow(UUID tokenId, UUID doctorId, String tokenNumber, TokenStatus status, String doctorName,
                      String departmentName, String cabinNumber, Instant calledTime, Instant changedAt, ZoneId zone) {
}
