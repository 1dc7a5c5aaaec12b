package org.opd.orchestrator.doctor.web;

import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorService;
import org.opd.orchestrator.doctor.DutyStatus;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.orchestrator.web.StatusRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class DoctorController {

    private final DoctorService doctors;

    DoctorController(DoctorService doctors) {
        this.doctors = doctors;
    }

    @PostMapping("/api/v1/hospitals/{hospitalId}/doctors")
    ResponseEntity<DoctorResponse> create(@PathVariable UUID hospitalId, @Valid @RequestBody CreateDoctorRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DoctorResponse.of(doctors.create(hospitalId, request.toNewDoctor())));
    }

    /** @param deptId the doctors' primary department */
    @GetMapping("/api/v1/hospitals/{hospitalId}/doctors")
    PageResponse<DoctorResponse> list(@PathVariable UUID hospitalId, @Valid PageParameters paging,
                                      @RequestParam(required = false) DutyStatus status,
                                      @RequestParam(required = false) UUID deptId,
                                      @RequestParam(required = false) String specialization) {
        return PageResponse.of(doctors.list(hospitalId, status, deptId, specialization, paging.toPageRequest()),
                DoctorResponse::of);
    }

    @GetMapping("/api/v1/doctors/{doctorId}")
    DoctorResponse get(@PathVariable UUID doctorId) {
        return DoctorResponse.of(doctors.require(doctorId));
    }

    @PutMapping("/api/v1/doctors/{doctorId}/settings")
    DoctorResponse updateSettings(@PathVariable UUID doctorId, @Valid @RequestBody DoctorSettingsRequest request) {
        return DoctorResponse.of(doctors.updateSettings(doctorId, request.toSettings()));
    }

    /** ACTIVE, ON_LEAVE or INACTIVE; only an ACTIVE doctor gets new tokens. */
    @PutMapping("/api/v1/doctors/{doctorId}/status")
    DoctorResponse updateStatus(@PathVariable UUID doctorId, @Valid @RequestBody StatusRequest<DutyStatus> request) {
        return DoctorResponse.of(doctors.updateStatus(doctorId, request.status()));
    }
}
