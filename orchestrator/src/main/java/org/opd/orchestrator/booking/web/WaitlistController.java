package org.opd.orchestrator.booking.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.booking.Waitlist;
import org.opd.orchestrator.booking.WaitlistEntry;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class WaitlistController {

    private final Waitlist waitlist;
    private final ScopeCheck scope;

    WaitlistController(Waitlist waitlist, ScopeCheck scope) {
        this.waitlist = waitlist;
        this.scope = scope;
    }

    /** The patient waits for a slot of the doctor on the day; a slot that frees up is offered first joined, first. */
    @PostMapping("/api/v1/doctors/{doctorId}/waitlist")
    ResponseEntity<WaitlistEntryResponse> join(@PathVariable UUID doctorId, @Valid @RequestBody JoinWaitlistRequest request,
                                               Caller caller) {
        scope.requireReach(caller, Resource.PATIENT, request.patientId());
        WaitlistEntry entry = waitlist.join(doctorId, request.patientId(), request.date(), caller.subjectId());
        return ResponseEntity.created(URI.create("/api/v1/waitlist-entries/" + entry.entryId()))
                .body(WaitlistEntryResponse.of(entry));
    }

    /** The doctor's list for the day, in the order slots are offered. */
    @GetMapping("/api/v1/doctors/{doctorId}/waitlist")
    List<WaitlistEntryResponse> ofDay(@PathVariable UUID doctorId, @RequestParam LocalDate date) {
        return waitlist.of(doctorId, date).stream().map(WaitlistEntryResponse::of).toList();
    }

    @GetMapping("/api/v1/waitlist-entries/{entryId}")
    WaitlistEntryResponse get(@PathVariable UUID entryId) {
        return WaitlistEntryResponse.of(waitlist.require(entryId));
    }

    /** Leaves the list. */
    @DeleteMapping("/api/v1/waitlist-entries/{entryId}")
    ResponseEntity<Void> leave(@PathVariable UUID entryId) {
        waitlist.leave(entryId);
        return ResponseEntity.noContent().build();
    }
}
