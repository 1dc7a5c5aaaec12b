package org.opd.orchestrator.doctor.web;

import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
}
