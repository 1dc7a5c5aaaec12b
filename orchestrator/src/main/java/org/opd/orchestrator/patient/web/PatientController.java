package org.opd.orchestrator.patient.web;

import java.util.UUID;

import org.opd.orchestrator.patient.PatientService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class PatientController {

    private final PatientService patients;

    PatientController(PatientService patients) {
        this.patients = patients;
    }

    @PostMapping("/api/v1/hospitals/{hospitalId}/patients")
    ResponseEntity<PatientResponse> register(@PathVariable UUID hospitalId,
                                             @Valid @RequestBody RegisterPatientRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(PatientResponse.of(patients.register(hospitalId, request.toNewPatient())));
    }
}
