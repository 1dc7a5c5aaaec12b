package org.opd.orchestrator.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times are stored as UTC instants and shown with the offset of the hospital's time zone. */
public final class LocalTimes {

    private LocalTimes() {
    }

    /** Null stays null: a step not reached yet. */
    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
