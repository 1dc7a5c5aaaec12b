package org.opd.schemas.queue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole live queue of one doctor, as published on the compacted topic
 * {@code opd.queue-snapshots} (key: doctor id) and projected into Redis.
 *
 * @param version  grows with every change to this doctor's queue; a projection never
 *                 replaces a newer snapshot with an older one
 * @param current  the token in consultation, or null
 * @param waiting  tokens in line (CHECKED_IN, WAITING), in call order, positions 1..n
 * @param booked   tokens issued but not yet checked in
 * @param departed tokens that reached a final status with this change (completed,
 *                 no-show, cancelled, rescheduled), so projections can update them once
 * @param parked   tokens stepped out of the line until recalled, earliest parked first; empty in
 *                 snapshots before version 2
 */
public record QueueSnapshot(
        int schemaVersion,
        UUID doctorId,
        UUID deptId,
        UUID hospitalId,
        long version,
        Instant asOf,
        DoctorStatus doctorStatus,
        QueuedToken current,
        List<QueuedToken> waiting,
        List<QueuedToken> booked,
        List<QueuedToken> departed,
        List<QueuedToken> parked) {

    public static final int SCHEMA_VERSION = 2;

    public QueueSnapshot {
        parked = parked == null ? List.of() : parked;
    }

    /** A snapshot of the fields of version 1: nobody parked. */
    public QueueSnapshot(int schemaVersion, UUID doctorId, UUID deptId, UUID hospitalId, long version, Instant asOf,
                         DoctorStatus doctorStatus, QueuedToken current, List<QueuedToken> waiting,
                         List<QueuedToken> booked, List<QueuedToken> departed) {
        this(schemaVersion, doctorId, deptId, hospitalId, version, asOf, doctorStatus, current, waiting, booked, departed,
                List.of());
    }
}
