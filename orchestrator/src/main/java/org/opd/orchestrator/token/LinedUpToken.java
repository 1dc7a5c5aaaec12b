package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.opd.schemas.token.CallOrder;

/** A token waiting in a doctor's line to be called: what its place in the call order depends on. */
record LinedUpToken(UUID tokenId, String tokenNumber, int priority, Instant checkInTime, Instant linePlaceAt) {

    static final Comparator<LinedUpToken> CALL_ORDER =
            CallOrder.comparator(LinedUpToken::linePlaceAt, LinedUpToken::tokenNumber, LinedUpToken::tokenId);
}
