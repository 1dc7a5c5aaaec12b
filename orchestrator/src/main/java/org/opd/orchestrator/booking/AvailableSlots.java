package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.leave.Absence;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.schedule.BookableSessions;
import org.opd.orchestrator.schedule.Session;
import org.opd.orchestrator.schedule.Session.Slot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A doctor's bookable slots: those of the sessions, less the past, the doctor's absences and the times appointments hold. */
@Service
public class AvailableSlots {

    /** A month ahead: what a booking page shows, and what one request may ask for. */
    static final int MAX_DAYS = 31;

    private final BookableSessions sessions;
    private final ScheduleExceptions exceptions;
    private final AppointmentRepository appointments;
    private final Clock clock;

    AvailableSlots(BookableSessions sessions, ScheduleExceptions exceptions, AppointmentRepository appointments, Clock clock) {
        this.sessions = sessions;
        this.exceptions = exceptions;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** @param from, to the hospital's local days, both included */
    @Transactional(readOnly = true)
    public List<AvailableSlot> of(UUID doctorId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "must be on or after from, at most " + MAX_DAYS + " days in all");
        }
        List<Session> open = sessions.of(doctorId, from, to);
        if (open.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        ZoneId zone = open.get(0).zone();
        Instant first = from.atStartOfDay(zone).toInstant();
        Instant last = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Absence> away = exceptions.absences(doctorId, first, last);
        List<Slot> held = appointments.heldBetween(doctorId, first, last, now);
        List<AvailableSlot> free = new ArrayList<>();
        for (Session session : open) {
            for (Slot slot : session.slots()) {
                if (slot.start().isAfter(now)
                        && away.stream().noneMatch(a -> slot.overlaps(a.start(), a.end()))
                        && held.stream().noneMatch(h -> slot.overlaps(h.start(), h.end()))) {
                    free.add(new AvailableSlot(slot.start(), slot.end(), session.cabinId(), session.zone()));
                }
            }
        }
        return free;
    }
}
