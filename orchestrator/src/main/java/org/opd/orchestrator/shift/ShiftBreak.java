package org.opd.orchestrator.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.opd.schemas.doctor.PlannedBreak;

/** A break planned in a shift, in the hospital's local time of the shift's day. */
public record ShiftBreak(LocalTime start, LocalTime end) {

    /** The break as instants, as the doctor events carry it. */
    PlannedBreak on(LocalDate day, ZoneId zone) {
        Instant from = day.atTime(start).atZone(zone).toInstant();
        return new PlannedBreak(from, day.atTime(end).atZone(zone).toInstant());
    }
}
