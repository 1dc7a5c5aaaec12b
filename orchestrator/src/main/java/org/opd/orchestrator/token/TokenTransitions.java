package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.Coordinates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one token through its life. Each move is one transaction: lock the token, let the
 * aggregate decide, save it, write its history row and outbox event. A refused move throws
 * before anything is written.
 */
@Service
public class TokenTransitions {

    private final TokenRepository tokens;
    private final TokenChangeRecorder recorder;
    private final Clock clock;

    TokenTransitions(TokenRepository tokens, TokenChangeRecorder recorder, Clock clock) {
        this.tokens = tokens;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public LoadedToken checkIn(UUID tokenId, Coordinates at) {
        return move(tokenId, (token, context) -> token.checkIn(at, context.geofence(), now()));
    }

    @Transactional
    public LoadedToken markWaiting(UUID tokenId) {
        return move(tokenId, (token, context) -> token.markWaiting(now()));
    }

    @Transactional
    public LoadedToken startConsultation(UUID tokenId) {
        return move(tokenId, (token, context) -> token.startConsultation(now()));
    }

    @Transactional
    public LoadedToken complete(UUID tokenId) {
        return move(tokenId, (token, context) -> token.complete(now()));
    }

    @Transactional
    public LoadedToken markNoShow(UUID tokenId, String reason) {
        return move(tokenId, (token, context) -> token.markNoShow(reason, now()));
    }

    @Transactional
    public LoadedToken cancel(UUID tokenId, String reason) {
        return move(tokenId, (token, context) -> token.cancel(reason, now()));
    }

    private LoadedToken move(UUID tokenId, BiConsumer<Token, TokenContext> intention) {
        LoadedToken loaded = tokens.findForUpdate(tokenId).orElseThrow(() -> new NotFoundException("token", tokenId));
        intention.accept(loaded.token(), loaded.context());
        tokens.update(loaded.token());
        recorder.record(loaded.token(), loaded.context());
        return loaded;
    }

    private Instant now() {
        return clock.instant();
    }
}
