package org.opd.orchestrator.department.web;

import java.util.UUID;

import org.opd.orchestrator.department.DepartmentService;
import org.opd.orchestrator.department.DepartmentStatus;
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

    @GetMapping("/api/v1/hospitals/{hospitalId}/departments")
    PageResponse<DepartmentResponse> list(@PathVariable UUID hospitalId, @Valid PageParameters paging,
                                          @RequestParam(required = false) DepartmentStatus status) {
        return PageResponse.of(departments.list(hospitalId, status, paging.toPageRequest()), DepartmentResponse::of);
    }

    @GetMapping("/api/v1/departments/{deptId}")
    DepartmentResponse get(@PathVariable UUID deptId) {
        return DepartmentResponse.of(departments.require(deptId));
    }

    @PutMapping("/api/v1/departments/{deptId}/settings")
    DepartmentResponse updateSettings(@PathVariable UUID deptId, @Valid @RequestBody DepartmentSettingsRequest request) {
        return DepartmentResponse.of(departments.updateSettings(deptId, request.toSettings()));
    }

    /** An INACTIVE department issues no more tokens; those already issued go on. */
    @PutMapping("/api/v1/departments/{deptId}/status")
    DepartmentResponse updateStatus(@PathVariable UUID deptId,
                                    @Valid @RequestBody StatusRequest<DepartmentStatus> request) {
        return DepartmentResponse.of(departments.updateStatus(deptId, request.status()));
    }
}
