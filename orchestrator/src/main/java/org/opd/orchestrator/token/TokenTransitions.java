package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.Coordinates;
import org.opd.schemas.token.PriorityHeadStart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one token through its life. Each move is one transaction: lock the token, check the
 * version the client saw, let the aggregate decide, save it, write its history row (with who
 * and why) and outbox event. A refused move throws before anything is written.
 */
@Service
public class TokenTransitions {

    private final TokenRepository tokens;
    private final TokenChangeRecorder recorder;
    private final QueueReorders reorders;
    private final PriorityHeadStart headStart;
    private final Clock clock;

    TokenTransitions(TokenRepository tokens, TokenChangeRecorder recorder, QueueReorders reorders,
                     QueueFairnessProperties fairness, Clock clock) {
        this.tokens = tokens;
        this.recorder = recorder;
        this.reorders = reorders;
        this.headStart = fairness.headStart();
        this.clock = clock;
    }

    /** Also records the reorder when a senior or emergency arrival goes ahead of others waiting. */
    @Transactional
    public LoadedToken checkIn(TokenCommand command, Coordinates at) {
        Instant now = now();
        LoadedToken loaded = move(command, (token, context) -> token.checkIn(at, context.geofence(), headStart, now));
        Token token = loaded.token();
        // Without a head start the place is now, behind every place already given: nobody to overtake.
        if (!headStart.of(token.booking().priority()).isZero()) {
            reorders.recordPlacing(token, reorders.lineFor(token), ReorderReason.PRIORITY, now, command.changedBy());
        }
        return loaded;
    }

    @Transactional
    public LoadedToken markWaiting(TokenCommand command) {
        return move(command, (token, context) -> token.markWaiting(now()));
    }

    @Transactional
    public LoadedToken startConsultation(TokenCommand command) {
        return move(command, (token, context) -> token.startConsultation(now()));
    }

    @Transactional
    public LoadedToken complete(TokenCommand command) {
        return move(command, (token, context) -> token.complete(now()));
    }

    @Transactional
    public LoadedToken markNoShow(TokenCommand command, String reason) {
        return move(command, (token, context) -> token.markNoShow(reason, now()));
    }

    @Transactional
    public LoadedToken cancel(TokenCommand command, String reason) {
        return move(command, (token, context) -> token.cancel(reason, now()));
    }

    @Transactional
    LoadedToken markNoShowAfterCall(TokenCommand command, Duration grace) {
        return move(command, (token, context) -> token.markNoShowAfterCall(grace, now()));
    }

    private LoadedToken move(TokenCommand command, BiConsumer<Token, TokenContext> intention) {
        LoadedToken loaded = lock(tokens, command);
        intention.accept(loaded.token(), loaded.context());
        tokens.update(loaded.token());
        recorder.record(loaded.token(), loaded.context(), command.changedBy());
        return loaded;
    }

    /** The token of the command, locked, provided it is still at the version the client saw. */
    static LoadedToken lock(TokenRepository tokens, TokenCommand command) {
        LoadedToken loaded = tokens.findForUpdate(command.tokenId())
                .orElseThrow(() -> new NotFoundException("token", command.tokenId()));
        command.expectedVersion().check(loaded.token());
        return loaded;
    }

    private Instant now() {
        return clock.instant();
    }
}
