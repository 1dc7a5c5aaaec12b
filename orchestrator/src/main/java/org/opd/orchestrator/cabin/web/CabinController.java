package org.opd.orchestrator.cabin.web;

import java.util.UUID;

import org.opd.orchestrator.cabin.CabinService;
import org.opd.orchestrator.cabin.CabinStatus;
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
class CabinController {

    private final CabinService cabins;

    CabinController(CabinService cabins) {
        this.cabins = cabins;
    }

    @PostMapping("/api/v1/departments/{deptId}/cabins")
    ResponseEntity<CabinResponse> create(@PathVariable UUID deptId, @Valid @RequestBody CreateCabinRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CabinResponse.of(cabins.create(deptId, request.toNewCabin())));
    }

    @GetMapping("/api/v1/departments/{deptId}/cabins")
    PageResponse<CabinResponse> list(@PathVariable UUID deptId, @Valid PageParameters paging,
                                     @RequestParam(required = false) CabinStatus status,
                                     @RequestParam(required = false) Integer floorNumber) {
        return PageResponse.of(cabins.list(deptId, status, floorNumber, paging.toPageRequest()), CabinResponse::of);
    }

    @GetMapping("/api/v1/cabins/{cabinId}")
    CabinResponse get(@PathVariable UUID cabinId) {
        return CabinResponse.of(cabins.require(cabinId));
    }

    @PutMapping("/api/v1/cabins/{cabinId}/status")
    CabinResponse updateStatus(@PathVariable UUID cabinId, @Valid @RequestBody StatusRequest<CabinStatus> request) {
        return CabinResponse.of(cabins.updateStatus(cabinId, request.status()));
    }
}
