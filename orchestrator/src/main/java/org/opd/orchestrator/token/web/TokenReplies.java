package org.opd.orchestrator.token.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenCommand;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;

/** The command of a token move and the answers to it, shared by the token controllers: the token with its version as ETag. */
final class TokenReplies {

    private TokenReplies() {
    }

    static TokenCommand command(UUID tokenId, String ifMatch, Caller caller) {
        return new TokenCommand(tokenId, IfMatch.parse(ifMatch), caller.subjectId());
    }

    static ResponseEntity<TokenResponse> created(LoadedToken token) {
        TokenResponse body = TokenResponse.of(token, LivePosition.UNKNOWN);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + body.tokenId()))
                .eTag(Long.toString(body.version())).body(body);
    }

    /** Answers to moves carry no live position: the projection catches up only after the move is committed. */
    static ResponseEntity<TokenResponse> moved(LoadedToken token) {
        return withVersion(TokenResponse.of(token, LivePosition.UNKNOWN));
    }

    static ResponseEntity<TokenResponse> withVersion(TokenResponse body) {
        return ResponseEntity.ok().eTag(Long.toString(body.version())).body(body);
    }
}
