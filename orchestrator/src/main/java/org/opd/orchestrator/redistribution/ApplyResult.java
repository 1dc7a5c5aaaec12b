package org.opd.orchestrator.redistribution;

import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.leave.RedistributionStatus;

/**
 * What applying a plan did.
 *
 * @param replayed true when this plan had been applied before: nothing was moved now, {@code moves} are the earlier ones
 * @param moves    every move made for the exception so far
 * @param failed   tokens of the plan that could not be moved now (changed meanwhile, shift full), with the problem's type
 * @param status   the exception's redistribution status; PENDING while a token failed
 */
public record ApplyResult(UUID exceptionId, String planVersion, boolean replayed, List<AppliedMove> moves,
                          List<FailedMove> failed, RedistributionStatus status) {

    public ApplyResult {
        moves = List.copyOf(moves);
        failed = List.copyOf(failed);
    }

    public record FailedMove(UUID tokenId, String problem, String detail) {
    }
}
