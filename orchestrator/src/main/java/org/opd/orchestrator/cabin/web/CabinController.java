package org.opd.orchestrator.cabin.web;

import java.util.UUID;

import org.opd.orchestrator.cabin.CabinService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
}
