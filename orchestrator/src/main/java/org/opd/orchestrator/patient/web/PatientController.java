package org.opd.orchestrator.patient.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.patient.PatientService;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
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
class PatientController {

    private final PatientService patients;

    PatientController(PatientService patients) {
        this.patients = patients;
    }

    @PostMapping("/api/v1/hospitals/{hospitalId}/patients")
    ResponseEntity<PatientResponse> register(@PathVariable UUID hospitalId,
                                             @Valid @RequestBody RegisterPatientRequest request) {
        PatientResponse body = PatientResponse.of(patients.register(hospitalId, request.toNewPatient()));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + body.patientId())).body(body);
    }

    /** Reception's look-up by UHID or phone number (exact). */
    @GetMapping("/api/v1/hospitals/{hospitalId}/patients")
    PageResponse<PatientResponse> list(@PathVariable UUID hospitalId, @Valid PageParameters paging,
                                       @RequestParam(required = false) String uhid,
                                       @RequestParam(required = false) String phone) {
        return PageResponse.of(patients.list(hospitalId, uhid, phone, paging.toPageRequest()), PatientResponse::of);
    }

    /** Phone, email, WhatsApp and SMS opt-ins and push token, replaced as a whole. */
    @PutMapping("/api/v1/patients/{patientId}/contact")
    PatientResponse updateContact(@PathVariable UUID patientId, @Valid @RequestBody UpdateContactRequest request) {
        return PatientResponse.of(patients.updateContact(patientId, request.toContact()));
    }

    @GetMapping("/api/v1/patients/{patientId}")
    PatientResponse get(@PathVariable UUID patientId) {
        return PatientResponse.of(patients.require(patientId));
    }
}
