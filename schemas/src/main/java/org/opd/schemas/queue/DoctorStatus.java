package org.opd.schemas.queue;

/** A doctor's live status as screens show it (Redis key {@code doctor:{id}:status}). */
public enum DoctorStatus {
    AVAILABLE,
    BUSY,
    OFFLINE
}
