package org.opd.orchestrator.redistribution;

import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.token.ExpectedVersion;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenCommand;
import org.opd.orchestrator.token.TokenReassignment;
import org.opd.orchestrator.token.TokenRescheduling;
import org.opd.orchestrator.token.TokenTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out one token's part of a plan in a transaction of its own: the move's row (whose key
 * stops a second move of the token for the exception) and the token's change with its history and
 * events, or neither. The token must still be at the version the plan was computed from.
 */
@Component
class TokenMoves {

    private static final Logger log = LoggerFactory.getLogger(TokenMoves.class);

    private final RedistributionRecords records;
    private final TokenReassignment reassignment;
    private final TokenRescheduling rescheduling;
    private final TokenTransitions transitions;

    TokenMoves(RedistributionRecords records, TokenReassignment reassignment, TokenRescheduling rescheduling,
               TokenTransitions transitions) {
        this.records = records;
        this.reassignment = reassignment;
        this.rescheduling = rescheduling;
        this.transitions = transitions;
    }

    /** @return the move, or empty when the token was already handled for this exception */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<AppliedMove> place(UUID exceptionId, UUID fromDoctorId, RedistributionPlan.Placement placement, UUID changedBy) {
        PlanInput.AffectedToken token = placement.token();
        AppliedMove move = new AppliedMove(token.tokenId(), TokenOutcome.REDISTRIBUTED, fromDoctorId,
                placement.session().doctorId(), null, placement.etaMinutesAfter());
        if (!records.claimMove(exceptionId, move)) {
            return Optional.empty();
        }
        reassignment.reassign(command(token, changedBy), placement.session().assignmentId(), placement.etaMinutesAfter());
        try (LogContext ignored = LogContext.token(token.tokenId(), placement.session().doctorId())) {
            log.info("Token {} moved from doctor {} for schedule exception {}, about {} min", token.tokenNumber(), fromDoctorId,
                    exceptionId, placement.etaMinutesAfter());
        }
        return Optional.of(move);
    }

    /** @return the move, or empty when the token was already handled for this exception */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<AppliedMove> settle(UUID exceptionId, UUID fromDoctorId, RedistributionPlan.Unplaced unplaced, UUID changedBy) {
        PlanInput.AffectedToken token = unplaced.token();
        AppliedMove move = new AppliedMove(token.tokenId(), unplaced.outcome(), fromDoctorId, null, null, null);
        if (!records.claimMove(exceptionId, move)) {
            return Optional.empty();
        }
        String reason = "Doctor away (schedule exception " + exceptionId + "): " + unplaced.reason();
        if (unplaced.outcome() == TokenOutcome.RESCHEDULED) {
            LoadedToken replacement = rescheduling.reschedule(command(token, changedBy), unplaced.rescheduleTo(), reason);
            UUID newTokenId = replacement.token().booking().tokenId();
            records.recordNewToken(exceptionId, token.tokenId(), newTokenId);
            move = new AppliedMove(token.tokenId(), TokenOutcome.RESCHEDULED, fromDoctorId, null, newTokenId, null);
        } else {
            transitions.cancel(command(token, changedBy), reason);
        }
        try (LogContext ignored = LogContext.token(token.tokenId(), fromDoctorId)) {
            log.info("Token {} {} for schedule exception {}", token.tokenNumber(), move.outcome(), exceptionId);
        }
        return Optional.of(move);
    }

    private static TokenCommand command(PlanInput.AffectedToken token, UUID changedBy) {
        return new TokenCommand(token.tokenId(), new ExpectedVersion(token.version()), changedBy);
    }
}
