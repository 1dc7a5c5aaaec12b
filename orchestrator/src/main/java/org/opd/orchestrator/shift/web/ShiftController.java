package org.opd.orchestrator.shift.web;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.shift.ShiftFilter;
import org.opd.orchestrator.shift.ShiftService;
import org.opd.orchestrator.shift.ShiftStatus;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/shifts")
class ShiftController {

    private final ShiftService shifts;
    private final ScopeCheck scope;

    ShiftController(ShiftService shifts, ScopeCheck scope) {
        this.scope = scope;
        this.shifts = shifts;
    }

    @PostMapping
    ResponseEntity<ShiftResponse> create(@Valid @RequestBody CreateShiftRequest request, Caller caller) {
        scope.requireReach(caller, Resource.DOCTOR, request.doctorId());
        scope.requireReach(caller, Resource.CABIN, request.cabinId());
        return ResponseEntity.status(HttpStatus.CREATED).body(ShiftResponse.of(shifts.create(request.toNewShift())));
    }

    /** @param shiftDate the hospital's local date */
    @GetMapping
    PageResponse<ShiftResponse> list(@Valid PageParameters paging,
                                     @RequestParam(required = false) UUID doctorId,
                                     @RequestParam(required = false) UUID cabinId,
                                     @RequestParam(required = false) UUID deptId,
                                     @RequestParam(required = false) LocalDate shiftDate,
                                     @RequestParam(required = false) ShiftStatus status) {
        return PageResponse.of(shifts.list(new ShiftFilter(doctorId, cabinId, deptId, shiftDate, status),
                paging.toPageRequest()), ShiftResponse::of);
    }

    @GetMapping("/{assignmentId}")
    ShiftResponse get(@PathVariable UUID assignmentId) {
        return ShiftResponse.of(shifts.require(assignmentId));
    }

    @PostMapping("/{assignmentId}/cancel")
    ShiftResponse cancel(@PathVariable UUID assignmentId) {
        return ShiftResponse.of(shifts.cancel(assignmentId));
    }

    @PostMapping("/{assignmentId}/start")
    ShiftResponse start(@PathVariable UUID assignmentId) {
        return ShiftResponse.of(shifts.start(assignmentId));
    }

    @PostMapping("/{assignmentId}/end")
    ShiftResponse end(@PathVariable UUID assignmentId) {
        return ShiftResponse.of(shifts.end(assignmentId));
    }
}
