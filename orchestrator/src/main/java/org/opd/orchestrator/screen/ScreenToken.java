package org.opd.orchestrator.screen;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as a waiting-room screen shows it: number and masked name, never the name itself.
 *
 * @param position   1 for the next to be called; null for the token in consultation
 * @param calledTime when the doctor called it in; null until then
 */
public record ScreenToken(UUID tokenId, String tokenNumber, String maskedName, Integer position,
                          Integer etaMinutesP50, Integer etaMinutesP90, Instant calledTime) {
}
