package org.opd.orchestrator.screen;

import java.util.List;
import java.util.UUID;

import org.opd.schemas.queue.DoctorStatus;

/**
 * One doctor's live queue for screens: the projected snapshot (Redis) with each token's masked
 * name and call time (PostgreSQL).
 *
 * @param version the projected snapshot's version; a screen keeps the newest it has seen per doctor
 * @param current the token in consultation, or null
 * @param waiting in line, position 1 first
 * @param parked  set aside today (stepped out, or called and not there), the longest parked first: asked to
 *                come to the desk to be recalled (position and ETA null)
 */
public record ScreenQueue(UUID doctorId, long version, DoctorStatus doctorStatus, ScreenToken current,
                          List<ScreenToken> waiting, List<ScreenToken> parked) {

    public ScreenQueue {
        waiting = List.copyOf(waiting);
        parked = List.copyOf(parked);
    }
}
