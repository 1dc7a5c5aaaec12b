package org.opd.orchestrator.booking.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.time.LocalTimes;

record AvailableSlotsResponse(UUID doctorId, LocalDate from, LocalDate to, List<Slot> slots) {

    /** Times carry the hospital's offset. */
    record Slot(OffsetDateTime startTime, OffsetDateTime endTime, UUID cabinId) {
    }

    static AvailableSlotsResponse of(UUID doctorId, LocalDate from, LocalDate to, List<AvailableSlot> slots) {
        return new AvailableSlotsResponse(doctorId, from, to, slots.stream()
                .map(s -> new Slot(LocalTimes.at(s.start(), s.zone()), LocalTimes.at(s.end(), s.zone()), s.cabinId()))
                .toList());
    }
}
