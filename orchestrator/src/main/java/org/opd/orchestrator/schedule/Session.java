package org.opd.orchestrator.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.shift.ShiftBreak;

/**
 * A doctor's bookable session on one day (a planned shift, or the weekly schedule's day where no
 * shift is planned yet), in the hospital's local time.
 *
 * @param breaks in time order, inside the session
 */
public record Session(LocalDate date, ZoneId zone, UUID cabinId, LocalTime start, LocalTime end, int slotMinutes,
                      List<ShiftBreak> breaks) {

    /** A bookable stretch of time: start included, end excluded. */
    public record Slot(Instant start, Instant end) {

        public boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    public Session {
        breaks = List.copyOf(breaks);
    }

    /** Slots of {@code slotMinutes} from the start; after a break they start again at its end, so no minutes are lost. */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        LocalTime cursor = start;
        for (ShiftBreak b : breaks) {
            cursor = fill(slots, cursor, b.start());
            cursor = b.end().isAfter(cursor) ? b.end() : cursor;
        }
        fill(slots, cursor, end);
        return slots;
    }

    /** Whether an appointment from {@code from} to {@code to} stays inside the session and out of its breaks. */
    public boolean fits(Instant from, Instant to) {
        if (from.isBefore(at(start)) || to.isAfter(at(end))) {
            return false;
        }
        return breaks.stream().noneMatch(b -> from.isBefore(at(b.end())) && at(b.start()).isBefore(to));
    }

    private LocalTime fill(List<Slot> slots, LocalTime from, LocalTime until) {
        LocalTime cursor = from;
        // The session ends within the day; stepping past midnight would wrap around.
        while (!cursor.plusMinutes(slotMinutes).isAfter(until) && cursor.plusMinutes(slotMinutes).isAfter(cursor)) {
            slots.add(new Slot(at(cursor), at(cursor.plusMinutes(slotMinutes))));
            cursor = cursor.plusMinutes(slotMinutes);
        }
        return cursor;
    }

    private Instant at(LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
