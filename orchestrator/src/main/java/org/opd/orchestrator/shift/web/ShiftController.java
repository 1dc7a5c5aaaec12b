package org.opd.orchestrator.shift.web;

import java.util.UUID;

import org.opd.orchestrator.shift.ShiftService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/shifts")
class ShiftController {

    private final ShiftService shifts;

    ShiftController(ShiftService shifts) {
        this.shifts = shifts;
    }

    @PostMapping
    ResponseEntity<ShiftResponse> create(@Valid @RequestBody CreateShiftRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ShiftResponse.of(shifts.create(request.toNewShift())));
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
