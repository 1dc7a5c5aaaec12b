package org.opd.orchestrator.token;

import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/**
 * Published (as a Spring application event) for each accepted change of a token, inside the
 * transaction that stores it, so another module can follow the token in that same transaction.
 */
public record TokenMoved(UUID tokenId, TokenStatus newStatus) {
}
