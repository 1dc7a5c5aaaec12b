package org.opd.orchestrator.token.web;

import static org.opd.orchestrator.token.web.TokenReplies.command;
import static org.opd.orchestrator.token.web.TokenReplies.created;
import static org.opd.orchestrator.token.web.TokenReplies.moved;
import static org.opd.orchestrator.token.web.TokenReplies.withVersion;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.queue.LiveQueueReader;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenFilter;
import org.opd.orchestrator.token.TokenIssuer;
import org.opd.orchestrator.token.TokenQueries;
import org.opd.orchestrator.token.TokenRescheduling;
import org.opd.orchestrator.token.TokenTransitions;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.opd.schemas.token.TokenStatus;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Tokens and their moves. Every answer carries the token's version as its ETag; a move sent with
 * {@code If-Match} is refused (409) when the token changed since. The history names the
 * caller of the access token as who acted. Answers to moves carry no live position: the projection catches up with
 * a move only after it is committed, so GET is the place to read it.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final TokenIssuer issuer;
    private final TokenTransitions transitions;
    private final TokenRescheduling rescheduling;
    private final TokenQueries queries;
    private final LiveQueueReader liveQueue;
    private final ScopeCheck scope;

    TokenController(TokenIssuer issuer, TokenTransitions transitions, TokenRescheduling rescheduling,
                    TokenQueries queries, LiveQueueReader liveQueue, ScopeCheck scope) {
        this.scope = scope;
        this.issuer = issuer;
        this.transitions = transitions;
        this.rescheduling = rescheduling;
        this.queries = queries;
        this.liveQueue = liveQueue;
    }

    @PostMapping
    ResponseEntity<TokenResponse> issue(@Valid @RequestBody IssueTokenRequest request, Caller caller) {
        scope.requireReach(caller, Resource.DOCTOR, request.doctorId());
        scope.requireReach(caller, Resource.PATIENT, request.patientId());
        return created(issuer.issue(request.toIssueToken(), caller.subjectId()));
    }

    /** Tokens as PostgreSQL has them (no live positions), newest day first, in number order. */
    @GetMapping
    PageResponse<TokenResponse> list(@Valid PageParameters paging,
                                     @RequestParam(required = false) UUID hospitalId,
                                     @RequestParam(required = false) UUID deptId,
                                     @RequestParam(required = false) UUID doctorId,
                                     @RequestParam(required = false) UUID patientId,
                                     @RequestParam(required = false) TokenStatus status,
                                     @RequestParam(required = false) LocalDate serviceDate) {
        return PageResponse.of(queries.list(new TokenFilter(hospitalId, deptId, doctorId, patientId, status, serviceDate),
                paging.toPageRequest()), token -> TokenResponse.of(token, LivePosition.UNKNOWN));
    }

    @GetMapping("/{tokenId}")
    ResponseEntity<TokenResponse> get(@PathVariable UUID tokenId) {
        LoadedToken token = queries.require(tokenId);
        LivePosition live = token.token().status().isInLine() ? liveQueue.position(tokenId) : LivePosition.UNKNOWN;
        return withVersion(TokenResponse.of(token, live));
    }

    @PostMapping("/{tokenId}/check-in")
    ResponseEntity<TokenResponse> checkIn(@PathVariable UUID tokenId, @Valid @RequestBody CheckInRequest request,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.checkIn(command(tokenId, ifMatch, caller), request.toCoordinates()));
    }

    @PostMapping("/{tokenId}/wait")
    ResponseEntity<TokenResponse> markWaiting(@PathVariable UUID tokenId,
                                              @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.markWaiting(command(tokenId, ifMatch, caller)));
    }

    @PostMapping("/{tokenId}/start")
    ResponseEntity<TokenResponse> startConsultation(@PathVariable UUID tokenId,
                                                    @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.startConsultation(command(tokenId, ifMatch, caller)));
    }

    @PostMapping("/{tokenId}/complete")
    ResponseEntity<TokenResponse> complete(@PathVariable UUID tokenId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.complete(command(tokenId, ifMatch, caller)));
    }

    @PostMapping("/{tokenId}/no-show")
    ResponseEntity<TokenResponse> markNoShow(@PathVariable UUID tokenId, @Valid @RequestBody ReasonRequest request,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.markNoShow(command(tokenId, ifMatch, caller), request.reason()));
    }

    @PostMapping("/{tokenId}/cancel")
    ResponseEntity<TokenResponse> cancel(@PathVariable UUID tokenId, @Valid @RequestBody ReasonRequest request,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(transitions.cancel(command(tokenId, ifMatch, caller), request.reason()));
    }

    /** Ends the token RESCHEDULED and answers 201 with the new token that replaces it. */
    @PostMapping("/{tokenId}/reschedule")
    ResponseEntity<TokenResponse> reschedule(@PathVariable UUID tokenId, @Valid @RequestBody RescheduleRequest request,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return created(rescheduling.reschedule(command(tokenId, ifMatch, caller), request.scheduledTime().toInstant(),
                request.reason()));
    }
}
