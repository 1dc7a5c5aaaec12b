package org.opd.orchestrator.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A slot that can be booked now, in the cabin of its session. */
public record AvailableSlot(Instant start, Instant end, UUID cabinId, ZoneId zone) {
}
