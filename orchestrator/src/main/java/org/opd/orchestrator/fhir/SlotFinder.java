package org.opd.orchestrator.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.AvailableSlots;
import org.opd.orchestrator.fhir.FhirQueries.DoctorRow;
import org.opd.orchestrator.leave.Absence;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.schedule.BookableSessions;
import org.opd.orchestrator.schedule.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's slots as FHIR sees them: every slot of the booking package's sessions from now on, free where
 * {@link AvailableSlots} offers it (the one computation of what can be booked), else busy-unavailable in the
 * doctor's absence, busy-tentative under an unpaid or FHIR hold, busy under a booked appointment.
 */
@Component
class SlotFinder {

    /** What one search may cover: the booking package's month ahead. */
    static final int MAX_DAYS = 31;
    /** What a search without dates covers. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    record FoundSlot(DoctorRow doctor, Instant start, Instant end, UUID cabinId, SlotStatus status) {
    }

    private final BookableSessions sessions;
    private final AvailableSlots available;
    private final ScheduleExceptions exceptions;
    private final FhirQueries queries;
    private final Clock clock;

    SlotFinder(BookableSessions sessions, AvailableSlots available, ScheduleExceptions exceptions, FhirQueries queries, Clock clock) {
        this.sessions = sessions;
        this.available = available;
        this.exceptions = exceptions;
        this.queries = queries;
        this.clock = clock;
    }

    /** The range asked for, from now on; an open end is {@link #DEFAULT_SPAN} on; more than {@link #MAX_DAYS} is refused. */
    Search.Range bounded(Search.Range asked, String parameter) {
        Instant now = clock.instant();
        Instant from = asked.from() == null || asked.from().isBefore(now) ? now : asked.from();
        Instant to = asked.to() == null ? from.plus(DEFAULT_SPAN) : asked.to();
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw FhirException.badParameter(parameter, "may span at most " + MAX_DAYS + " days from now on");
        }
        return new Search.Range(from, to);
    }

    /** @param range bounded: its slots that start within it, in time order */
    @Transactional(readOnly = true)
    List<FoundSlot> of(DoctorRow doctor, Search.Range range) {
        if (!range.to().isAfter(range.from())) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate first = range.from().atZone(doctor.zone()).toLocalDate();
        LocalDate last = range.to().minusNanos(1).atZone(doctor.zone()).toLocalDate();
        List<Session> open = sessions.of(doctor.doctorId(), first, last);
        if (open.isEmpty()) {
            return List.of();
        }
        Set<Instant> free = available.of(doctor.doctorId(), first, last).stream().map(AvailableSlot::start).collect(Collectors.toSet());
        Instant dayStart = first.atStartOfDay(doctor.zone()).toInstant();
        Instant dayEnd = last.plusDays(1).atStartOfDay(doctor.zone()).toInstant();
        List<Absence> away = exceptions.absences(doctor.doctorId(), dayStart, dayEnd);
        List<Appointment> holding = queries.holdingTime(doctor.doctorId(), dayStart, dayEnd, now);
        List<FoundSlot> found = new ArrayList<>();
        for (Session session : open) {
            for (Session.Slot slot : session.slots()) {
                if (!slot.start().isAfter(now) || !range.contains(slot.start())) {
                    continue;
                }
                SlotStatus status;
                if (free.contains(slot.start())) {
                    status = SlotStatus.FREE;
                } else if (away.stream().anyMatch(a -> slot.overlaps(a.start(), a.end()))) {
                    status = SlotStatus.BUSYUNAVAILABLE;
                } else if (holding.stream().anyMatch(h -> h.status() != AppointmentStatus.SCHEDULED && slot.overlaps(h.startsAt(), h.endsAt()))) {
                    status = SlotStatus.BUSY;
                } else {
                    status = SlotStatus.BUSYTENTATIVE;
                }
                found.add(new FoundSlot(doctor, slot.start(), slot.end(), session.cabinId(), status));
            }
        }
        found.sort(java.util.Comparator.comparing(FoundSlot::start));
        return found;
    }
}
