package org.opd.orchestrator.department.web;

import java.util.UUID;

import org.opd.orchestrator.department.DepartmentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class DepartmentController {

    private final DepartmentService departments;

    DepartmentController(DepartmentService departments) {
        this.departments = departments;
    }

    @PostMapping("/api/v1/hospitals/{hospitalId}/departments")
    ResponseEntity<DepartmentResponse> create(@PathVariable UUID hospitalId,
                                              @Valid @RequestBody CreateDepartmentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DepartmentResponse.of(departments.create(hospitalId, request.toNewDepartment())));
    }
}
