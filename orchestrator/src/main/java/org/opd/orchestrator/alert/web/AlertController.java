package org.opd.orchestrator.alert.web;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import org.opd.orchestrator.alert.Alert;
import org.opd.orchestrator.alert.AlertActions;
import org.opd.orchestrator.alert.AlertFilter;
import org.opd.orchestrator.alert.AlertQueries;
import org.opd.orchestrator.alert.AlertStreams;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.screen.StreamLifetime;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.live.LiveAlertChange;
import org.opd.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jakarta.validation.Valid;

@RestController
class AlertController {

    private final AlertQueries alerts;
    private final AlertActions actions;
    private final AlertStreams streams;
    private final HospitalRepository hospitals;
    private final Clock clock;

    AlertController(AlertQueries alerts, AlertActions actions, AlertStreams streams, HospitalRepository hospitals, Clock clock) {
        this.alerts = alerts;
        this.actions = actions;
        this.streams = streams;
        this.hospitals = hospitals;
        this.clock = clock;
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

    @GetMapping(path = "/api/v1/hospitals/{hospitalId}/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The hospital's alert changes, live", description = """
            Server-Sent Events. First `ready` (the stream follows from now on: load the open alerts after it), then an \
            `alerts` event (LiveAlertChange: the hospital and the alert type) each time one of the hospital's alerts is \
            raised, updated, acknowledged or resolved: read the open alerts again. The stream ends when the access token \
            expires, or when changes may have been missed: reconnect and load them again. 503 while the changes cannot \
            be followed.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = LiveAlertChange.class)))
    SseEmitter stream(@PathVariable UUID hospitalId, JwtAuthenticationToken caller) {
        hospitals.require(hospitalId);
        return streams.follow(hospitalId, StreamLifetime.untilExpiry(caller, clock));
    }
}
