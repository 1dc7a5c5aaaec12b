package org.opd.orchestrator.token.web;

import static org.opd.orchestrator.token.web.TokenReplies.command;
import static org.opd.orchestrator.token.web.TokenReplies.moved;

import java.util.UUID;

import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.token.TokenParking;
import org.opd.orchestrator.token.TokenTransfer;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Moves of a token within and between lines that are not steps of its life: park (the patient
 * stepped out), recall (to the front or back), transfer (to another doctor or department).
 */
@RestController
@RequestMapping("/api/v1/tokens/{tokenId}")
class TokenMovesController {

    private final TokenParking parking;
    private final TokenTransfer transfer;
    private final ScopeCheck scope;

    TokenMovesController(TokenParking parking, TokenTransfer transfer, ScopeCheck scope) {
        this.parking = parking;
        this.transfer = transfer;
        this.scope = scope;
    }

    @PostMapping("/park")
    ResponseEntity<TokenResponse> park(@PathVariable UUID tokenId, @Valid @RequestBody(required = false) ParkRequest request,
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(parking.park(command(tokenId, ifMatch, caller), request == null ? null : request.reason()));
    }

    @PostMapping("/recall")
    ResponseEntity<TokenResponse> recall(@PathVariable UUID tokenId, @Valid @RequestBody RecallRequest request,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return moved(parking.recall(command(tokenId, ifMatch, caller), request.end()));
    }

    @PostMapping("/transfer")
    ResponseEntity<TokenResponse> transfer(@PathVariable UUID tokenId, @Valid @RequestBody TransferRequest request,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        // The token's own scope is checked by the access rules; the destination must be within the caller's reach too.
        scope.requireReach(caller, Resource.DOCTOR, request.toDoctorId());
        return moved(transfer.transfer(command(tokenId, ifMatch, caller), request.toDoctorId(), request.placeOrDefault()));
    }
}
