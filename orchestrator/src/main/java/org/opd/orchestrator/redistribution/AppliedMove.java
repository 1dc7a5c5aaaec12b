package org.opd.orchestrator.redistribution;

import java.util.UUID;

/**
 * What applying a plan did with one token, as {@code redistribution_moves} keeps it.
 *
 * @param toDoctorId          the new doctor, for REDISTRIBUTED; else null
 * @param newTokenId          the replacing token, for RESCHEDULED; else null
 * @param expectedWaitMinutes the wait the patient was told, for REDISTRIBUTED; else null
 */
public record AppliedMove(UUID tokenId, TokenOutcome outcome, UUID fromDoctorId, UUID toDoctorId, UUID newTokenId,
                          Integer expectedWaitMinutes) {
}
