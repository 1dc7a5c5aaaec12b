package org.opd.orchestrator.hospital.web;

import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/hospitals")
class HospitalController {

    private final HospitalRepository hospitals;

    HospitalController(HospitalRepository hospitals) {
        this.hospitals = hospitals;
    }

    @PostMapping
    ResponseEntity<HospitalResponse> create(@Valid @RequestBody CreateHospitalRequest request) {
        Hospital hospital = hospitals.create(request.toNewHospital());
        return ResponseEntity.status(HttpStatus.CREATED).body(HospitalResponse.of(hospital));
    }
}
