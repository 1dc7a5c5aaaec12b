package org.opd.orchestrator.calcom;

import java.time.Instant;
import java.util.UUID;

/**
 * A Cal.com delivery that could not be applied, waiting for an operator: fix the cause (map the doctor,
 * free the slot) and retry, or dismiss it. The payload stays in the database, never in an answer.
 *
 * @param status OPEN, RESOLVED (applied on a retry) or DISMISSED
 */
public record ParkedBooking(UUID parkedId, UUID hospitalId, String triggerEvent, String calComUid, String reasonCode,
                            String reason, String status, int attempts, Instant receivedAt, Instant updatedAt,
                            UUID appointmentId) {
}
