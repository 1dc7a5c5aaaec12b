package org.opd.orchestrator.status.web;

import org.opd.orchestrator.status.PatientStatus;
import org.opd.orchestrator.status.PatientStatuses;
import org.opd.orchestrator.status.StatusStreams;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * A patient's own token, by the unguessable link of their messages: the link is the credential, so
 * no sign-in. It shows that token only, and stops working once the visit ended plus a grace period.
 */
@RestController
class StatusLinkController {

    private static final String LINK_RULES = " A text that is not of a link's form is a 400 naming `link`; a forged link, or one "
            + "whose visit ended longer ago than the grace period, is a 404.";

    private final PatientStatuses statuses;
    private final StatusStreams streams;

    StatusLinkController(PatientStatuses statuses, StatusStreams streams) {
        this.statuses = statuses;
        this.streams = streams;
    }

    @GetMapping("/api/v1/status-links/{link}")
    @Operation(summary = "A patient's token as it stands now, by its status link",
            description = "Number, status, place in line, ETA (P50 and P90), and the cabin once called." + LINK_RULES)
    PatientStatus status(@PathVariable String link) {
        return statuses.read(statuses.tokenOf(link)).status();
    }

    @GetMapping(path = "/api/v1/status-links/{link}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The token's changes, live, by its status link", description = """
            Server-Sent Events. First `ready` (the stream follows from now on: load the status after it), then a \
            `status` event (PatientStatus) each time what the page shows changes. The stream ends when the visit \
            ends (after its last status) and after a while (reconnect and load again); 503 while the live changes \
            cannot be followed.""" + LINK_RULES)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = PatientStatus.class)))
    SseEmitter stream(@PathVariable String link) {
        return streams.follow(statuses.read(statuses.tokenOf(link)));
    }
}
