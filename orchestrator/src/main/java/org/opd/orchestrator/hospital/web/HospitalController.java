package org.opd.orchestrator.hospital.web;

import java.util.UUID;

import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.hospital.HospitalStatus;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** @param name part of the hospital's name, any case */
    @GetMapping
    PageResponse<HospitalResponse> list(@Valid PageParameters paging,
                                        @RequestParam(required = false) HospitalStatus status,
                                        @RequestParam(required = false) String name) {
        return PageResponse.of(hospitals.page(status, name, paging.toPageRequest()), HospitalResponse::of);
    }

    @GetMapping("/{hospitalId}")
    HospitalResponse get(@PathVariable UUID hospitalId) {
        return HospitalResponse.of(hospitals.require(hospitalId));
    }

    @PutMapping("/{hospitalId}/status")
    HospitalResponse updateStatus(@PathVariable UUID hospitalId,
                                  @Valid @RequestBody StatusRequest<HospitalStatus> request) {
        return HospitalResponse.of(hospitals.updateStatus(hospitalId, request.status()));
    }
}
