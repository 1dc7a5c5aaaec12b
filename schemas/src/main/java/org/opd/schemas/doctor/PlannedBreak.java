package org.opd.schemas.doctor;

import java.time.Instant;
import java.util.Objects;

/** A break planned in a doctor's shift (from the weekly schedule or set by hand), as instants. */
public record PlannedBreak(Instant start, Instant end) {

    public PlannedBreak {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a planned break ends after it starts");
        }
    }
}
