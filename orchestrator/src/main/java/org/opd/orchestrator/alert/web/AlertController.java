package org.opd.orchestrator.alert.web;

import java.util.UUID;
import java.util.function.Function;

import org.opd.orchestrator.alert.Alert;
import org.opd.orchestrator.alert.AlertActions;
import org.opd.orchestrator.alert.AlertFilter;
import org.opd.orchestrator.alert.AlertQueries;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class AlertController {

    private final AlertQueries alerts;
    private final AlertActions actions;

    AlertController(AlertQueries alerts, AlertActions actions) {
        this.alerts = alerts;
        this.actions = actions;
    }

    /** Someone is on it: shown as taken on, still open. 409 once acknowledged or resolved. */
    @PostMapping("/api/v1/alerts/{alertId}/acknowledge")
    Alert acknowledge(@PathVariable UUID alertId, Caller caller) {
        return actions.acknowledge(alertId, caller.subjectId());
    }

    /** Closed by hand (the eta-calculator also closes an alert whose condition passed). 409 once resolved. */
    @PostMapping("/api/v1/alerts/{alertId}/resolve")
    Alert resolve(@PathVariable UUID alertId, Caller caller) {
        return actions.resolve(alertId, caller.subjectId());
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
