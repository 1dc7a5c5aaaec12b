package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parks a token (the patient stepped out, or was called and is not there) and recalls it to the front
 * or the back of its doctor's line. Each is one transaction: the token, its history row, its event and,
 * for a recall to the front, the reorder record.
 */
@Service
public class TokenParking {

    private final TokenRepository tokens;
    private final TokenChangeRecorder recorder;
    private final QueueReorders reorders;
    private final Clock clock;

    TokenParking(TokenRepository tokens, TokenChangeRecorder recorder, QueueReorders reorders, Clock clock) {
        this.tokens = tokens;
        this.recorder = recorder;
        this.reorders = reorders;
        this.clock = clock;
    }

    @Transactional
    public LoadedToken park(TokenCommand command, String reason) {
        LoadedToken loaded = TokenTransitions.lock(tokens, command);
        loaded.token().park(reason, clock.instant());
        return save(loaded, command);
    }

    @Transactional
    public LoadedToken recall(TokenCommand command, LineEnd end) {
        LoadedToken loaded = TokenTransitions.lock(tokens, command);
        Token token = loaded.token();
        Instant now = clock.instant();
        List<LinedUpToken> line = reorders.lineFor(token);
        token.recall(end, end.placeIn(line, token.timeline().linePlaceAt(), now), now);
        save(loaded, command);
        if (end == LineEnd.FRONT) {
            reorders.recordPlacing(token, line, ReorderReason.RECALLED_TO_FRONT, now, command.changedBy());
        }
        return loaded;
    }

    private LoadedToken save(LoadedToken loaded, TokenCommand command) {
        tokens.update(loaded.token());
        recorder.record(loaded.token(), loaded.context(), command.changedBy());
        return loaded;
    }
}
