package org.opd.orchestrator.leave.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.leave.ScheduleExceptions;
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
@RequestMapping("/api/v1/schedule-exceptions")
class ScheduleExceptionController {

    private final ScheduleExceptions exceptions;
    private final ScopeCheck scope;

    ScheduleExceptionController(ScheduleExceptions exceptions, ScopeCheck scope) {
        this.exceptions = exceptions;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<ScheduleExceptionResponse> create(@Valid @RequestBody CreateScheduleExceptionRequest request, Caller caller) {
        scope.requireReach(caller, Resource.DOCTOR, request.doctorId());
        ScheduleException created = exceptions.create(request.toNew(), caller.subjectId());
        return ResponseEntity.created(URI.create("/api/v1/schedule-exceptions/" + created.exceptionId()))
                .body(withAffected(created));
    }

    @GetMapping("/{exceptionId}")
    ScheduleExceptionResponse get(@PathVariable UUID exceptionId) {
        return withAffected(exceptions.require(exceptionId));
    }

    @PostMapping("/{exceptionId}/approve")
    ScheduleExceptionResponse approve(@PathVariable UUID exceptionId, Caller caller) {
        return withAffected(exceptions.approve(exceptionId, caller.subjectId(), caller.doctorId()));
    }

    private ScheduleExceptionResponse withAffected(ScheduleException exception) {
        return ScheduleExceptionResponse.of(exception, exceptions.affectedTokens(exception));
    }
}
