package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a visit to another time: the old token ends RESCHEDULED and a new token, linked to it by
 * {@code rescheduled_from}, is issued for the same patient, doctor, booking type, priority and
 * reason, under every rule of a new issue (shift, limits, number of the new day). Both, or neither.
 */
@Service
public class TokenRescheduling {

    private final TokenRepository tokens;
    private final TokenIssuer issuer;
    private final TokenChangeRecorder recorder;
    private final Clock clock;

    TokenRescheduling(TokenRepository tokens, TokenIssuer issuer, TokenChangeRecorder recorder, Clock clock) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @return the new token */
    @Transactional
    public LoadedToken reschedule(TokenCommand command, Instant scheduledTime, String reason) {
        LoadedToken old = TokenTransitions.lock(tokens, command);
        Token token = old.token();
        UUID replacement = UUID.randomUUID();
        // Refused here, before anything is issued, when the old token is already over.
        token.reschedule(reason, replacement, clock.instant());
        tokens.update(token);
        recorder.record(token, old.context(), command.changedBy());
        TokenBooking b = token.booking();
        return issuer.issue(replacement,
                new IssueToken(b.patientId(), b.doctorId(), b.bookingType(), b.priority(), scheduledTime, b.visitReason()),
                b.tokenId(), command.changedBy());
    }
}
