package org.opd.orchestrator.token.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.queue.LiveQueueReader;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenIssuer;
import org.opd.orchestrator.token.TokenQueries;
import org.opd.orchestrator.token.TokenTransitions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Tokens and their moves. Answers to moves carry no live position: the projection catches up
 * with a move only after it is committed, so GET is the place to read it.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final TokenIssuer issuer;
    private final TokenTransitions transitions;
    private final TokenQueries queries;
    private final LiveQueueReader liveQueue;

    TokenController(TokenIssuer issuer, TokenTransitions transitions, TokenQueries queries, LiveQueueReader liveQueue) {
        this.issuer = issuer;
        this.transitions = transitions;
        this.queries = queries;
        this.liveQueue = liveQueue;
    }

    @PostMapping
    ResponseEntity<TokenResponse> issue(@Valid @RequestBody IssueTokenRequest request) {
        LoadedToken token = issuer.issue(request.toIssueToken());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.token().booking().tokenId()))
                .body(TokenResponse.of(token, LivePosition.UNKNOWN));
    }

    @GetMapping("/{tokenId}")
    TokenResponse get(@PathVariable UUID tokenId) {
        LoadedToken token = queries.require(tokenId);
        LivePosition live = token.token().status().isInLine() ? liveQueue.position(tokenId) : LivePosition.UNKNOWN;
        return TokenResponse.of(token, live);
    }

    @PostMapping("/{tokenId}/check-in")
    TokenResponse checkIn(@PathVariable UUID tokenId, @Valid @RequestBody CheckInRequest request) {
        return moved(transitions.checkIn(tokenId, request.toCoordinates()));
    }

    @PostMapping("/{tokenId}/wait")
    TokenResponse markWaiting(@PathVariable UUID tokenId) {
        return moved(transitions.markWaiting(tokenId));
    }

    @PostMapping("/{tokenId}/start")
    TokenResponse startConsultation(@PathVariable UUID tokenId) {
        return moved(transitions.startConsultation(tokenId));
    }

    @PostMapping("/{tokenId}/complete")
    TokenResponse complete(@PathVariable UUID tokenId) {
        return moved(transitions.complete(tokenId));
    }

    @PostMapping("/{tokenId}/no-show")
    TokenResponse markNoShow(@PathVariable UUID tokenId, @Valid @RequestBody ReasonRequest request) {
        return moved(transitions.markNoShow(tokenId, request.reason()));
    }

    @PostMapping("/{tokenId}/cancel")
    TokenResponse cancel(@PathVariable UUID tokenId, @Valid @RequestBody ReasonRequest request) {
        return moved(transitions.cancel(tokenId, request.reason()));
    }

    private static TokenResponse moved(LoadedToken token) {
        return TokenResponse.of(token, LivePosition.UNKNOWN);
    }
}
