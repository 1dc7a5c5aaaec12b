package org.opd.orchestrator.calcom.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.calcom.ParkedBooking;
import org.opd.orchestrator.calcom.ParkedBookings;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cal.com deliveries that did not fit, for the hospital's operators. */
@RestController
@RequestMapping("/api/v1/hospitals/{hospitalId}/cal-com/parked-bookings")
class ParkedBookingsController {

    private static final List<String> STATUSES = List.of("OPEN", "RESOLVED", "DISMISSED");

    private final ParkedBookings parked;

    ParkedBookingsController(ParkedBookings parked) {
        this.parked = parked;
    }

    /** Newest first; {@code status} defaults to OPEN, {@code ALL} for every one. */
    @GetMapping
    Map<String, List<ParkedBooking>> list(@PathVariable UUID hospitalId, @RequestParam(defaultValue = "OPEN") String status) {
        if (!"ALL".equals(status) && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of OPEN, RESOLVED, DISMISSED, ALL");
        }
        return Map.of("parkedBookings", parked.list(hospitalId, "ALL".equals(status) ? null : status));
    }

    @PostMapping("/{parkedId}/retry")
    ParkedBooking retry(@PathVariable UUID hospitalId, @PathVariable UUID parkedId, Caller caller) {
        requireOfHospital(hospitalId, parkedId);
        return parked.retry(parkedId, caller.subjectId());
    }

    @PostMapping("/{parkedId}/dismiss")
    ParkedBooking dismiss(@PathVariable UUID hospitalId, @PathVariable UUID parkedId, Caller caller) {
        requireOfHospital(hospitalId, parkedId);
        return parked.dismiss(parkedId, caller.subjectId());
    }

    /** The path's hospital is the one the caller's scope was checked against. */
    private void requireOfHospital(UUID hospitalId, UUID parkedId) {
        if (!parked.require(parkedId).hospitalId().equals(hospitalId)) {
            throw new NotFoundException("parked Cal.com booking", parkedId);
        }
    }
}
