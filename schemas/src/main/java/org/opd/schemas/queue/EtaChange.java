package org.opd.schemas.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A token's ETA moved: published on {@code opd.eta-changes} (key: doctor id) for every token in line
 * whose position or ETA differs from what the previous queue snapshot showed, including a token that
 * has just joined the line (then the previous figures are null). Consumers that only care about one
 * patient (a status page, a delay notice) read this instead of whole snapshots.
 *
 * @param queueVersion the {@link QueueSnapshot#version()} that carries the new figures
 */
public record EtaChange(
        int schemaVersion,
        UUID doctorId,
        UUID deptId,
        UUID tokenId,
        String tokenNumber,
        int position,
        int etaMinutesP50,
        int etaMinutesP90,
        Integer previousPosition,
        Integer previousEtaMinutesP50,
        Integer previousEtaMinutesP90,
        long queueVersion,
        Instant asOf) {

    public static final int SCHEMA_VERSION = 1;
}
