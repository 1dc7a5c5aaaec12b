package org.opd.orchestrator.alert.web;

import java.util.UUID;
import java.util.function.Function;

import org.opd.orchestrator.alert.Alert;
import org.opd.orchestrator.alert.AlertFilter;
import org.opd.orchestrator.alert.AlertQueries;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class AlertController {

    private final AlertQueries alerts;

    AlertController(AlertQueries alerts) {
        this.alerts = alerts;
    }

    /** @param open true for unresolved alerts only, false for resolved ones only; both when left out */
    @GetMapping("/api/v1/alerts")
    PageResponse<Alert> list(@Valid PageParameters paging,
                             @RequestParam(required = false) Boolean open,
                             @RequestParam(required = false) UUID hospitalId,
                             @RequestParam(required = false) AlertType type,
                             @RequestParam(required = false) AlertSeverity severity,
                             @RequestParam(required = false) UUID entityId) {
        return PageResponse.of(alerts.page(new AlertFilter(open, hospitalId, type, severity, entityId),
                paging.toPageRequest()), Function.identity());
    }
}
