package org.opd.orchestrator.audit.web;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

import org.opd.orchestrator.audit.AuditEntry;
import org.opd.orchestrator.audit.AuditFilter;
import org.opd.orchestrator.audit.AuditOutcome;
import org.opd.orchestrator.audit.AuditQueries;
import org.opd.orchestrator.audit.AuditResourceType;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
class AuditController {

    private final AuditQueries audit;

    AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    // Only ADMIN may call this (the rule is in the security configuration of issue 10).
    @GetMapping("/api/v1/audit")
    @Operation(summary = "The audit trail of access to patient records (admins only)",
            description = "Who read or changed which patient, token or queue, when, from which address and with what "
                    + "outcome (ALLOWED 2xx/3xx, REFUSED 401/403/429, FAILED other 4xx/5xx), newest first. "
                    + "Kept at least a year. Give from/to to read only those months.")
    PageResponse<AuditEntry> list(@Valid PageParameters paging,
                                  @Parameter(description = "The caller's JWT subject")
                                  @RequestParam(required = false) @Size(min = 1, max = 255) String actorSubject,
                                  @RequestParam(required = false) UUID patientId,
                                  @RequestParam(required = false) AuditResourceType resourceType,
                                  @Parameter(description = "The id in the path: a patient, token, doctor, department or hospital")
                                  @RequestParam(required = false) UUID resourceId,
                                  @RequestParam(required = false) AuditOutcome outcome,
                                  @Parameter(description = "From this time on (inclusive), ISO-8601 with offset")
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                  OffsetDateTime from,
                                  @Parameter(description = "Before this time (exclusive), ISO-8601 with offset")
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                  OffsetDateTime to,
                                  @Parameter(description = "The caller's hospital")
                                  @RequestParam(required = false) UUID hospitalId) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before to");
        }
        AuditFilter filter = new AuditFilter(actorSubject, patientId, resourceType, resourceId, outcome,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), hospitalId);
        return PageResponse.of(audit.page(filter, paging.toPageRequest()), Function.identity());
    }
}
