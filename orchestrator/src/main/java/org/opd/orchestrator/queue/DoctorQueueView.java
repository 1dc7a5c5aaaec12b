package org.opd.orchestrator.queue;

import java.util.List;
import java.util.UUID;

import org.opd.schemas.queue.DoctorStatus;

/**
 * A doctor's live queue as the screens show it, read from the Redis projection.
 *
 * @param version the projected snapshot's version (0 while nothing is projected): it only grows, so a
 *                screen that also follows the stream keeps whichever it saw is newer
 * @param current the token in consultation, or null
 * @param waiting tokens in line, position 1 first
 */
public record DoctorQueueView(UUID doctorId, long version, DoctorStatus doctorStatus, CurrentToken current, List<WaitingToken> waiting) {

    /** @param priority null when the projection has no details for the token (yet) */
    public record CurrentToken(UUID tokenId, String tokenNumber, Integer priority) {
    }

    /** @param etaMinutesP50 median minutes until the consultation starts; null when not estimated */
    public record WaitingToken(UUID tokenId, String tokenNumber, int position, Integer priority,
                               Integer etaMinutesP50, Integer etaMinutesP90) {
    }
}
