package org.opd.orchestrator.booking.web;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.booking.AvailableSlots;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AvailableSlotsController {

    private final AvailableSlots slots;

    AvailableSlotsController(AvailableSlots slots) {
        this.slots = slots;
    }

    /** @param from, to the hospital's local days, both included */
    @GetMapping("/api/v1/doctors/{doctorId}/available-slots")
    AvailableSlotsResponse get(@PathVariable UUID doctorId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return AvailableSlotsResponse.of(doctorId, from, to, slots.of(doctorId, from, to));
    }
}
