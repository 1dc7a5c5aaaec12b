package org.opd.orchestrator.booking.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.Bookings;
import org.opd.orchestrator.booking.SlotHolds;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentController {

    private final Bookings bookings;
    private final SlotHolds holds;
    private final ScopeCheck scope;

    AppointmentController(Bookings bookings, SlotHolds holds, ScopeCheck scope) {
        this.bookings = bookings;
        this.holds = holds;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<AppointmentResponse> book(@Valid @RequestBody BookAppointmentRequest request, Caller caller) {
        scope.requireReach(caller, Resource.DOCTOR, request.doctorId());
        scope.requireReach(caller, Resource.PATIENT, request.patientId());
        Appointment booked = bookings.book(request.toNew(), caller.subjectId());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.appointmentId()))
                .body(AppointmentResponse.of(booked));
    }

    @GetMapping("/{appointmentId}")
    AppointmentResponse get(@PathVariable UUID appointmentId) {
        return AppointmentResponse.of(bookings.require(appointmentId));
    }

    /** Frees the slot. */
    @PostMapping("/{appointmentId}/cancel")
    AppointmentResponse cancel(@PathVariable UUID appointmentId, @Valid @RequestBody CancelAppointmentRequest request) {
        return AppointmentResponse.of(bookings.cancel(appointmentId, request.reason()));
    }

    /** Takes a free hold (a slot offered from the waitlist): the slot is the patient's. A paid hold is confirmed by its payment. */
    @PostMapping("/{appointmentId}/confirm")
    AppointmentResponse confirm(@PathVariable UUID appointmentId) {
        return AppointmentResponse.of(holds.book(appointmentId));
    }
}
