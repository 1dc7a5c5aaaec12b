package org.opd.orchestrator.token;

import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/** Whose a token is and where it stands, for features that attach records to it (a consultation's note). */
public record TokenParties(UUID tokenId, UUID hospitalId, UUID patientId, UUID doctorId, TokenStatus status) {
}
