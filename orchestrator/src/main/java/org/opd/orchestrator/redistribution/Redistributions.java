package org.opd.orchestrator.redistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.leave.RedistributionStatus;
import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Moves an absent doctor's tokens to colleagues: a preview of the plan that changes nothing, and
 * applying it — the previewed plan only (else 409, nothing moved), each token in its own transaction,
 * a plan applied twice moving nobody twice.
 */
@Service
public class Redistributions {

    private static final Logger log = LoggerFactory.getLogger(Redistributions.class);

    private final ScheduleExceptions exceptions;
    private final PlanComputation computation;
    private final AppliedPlans plans;
    private final TokenMoves moves;
    private final RedistributionRecords records;
    private final MeterRegistry meters;

    Redistributions(ScheduleExceptions exceptions, PlanComputation computation, AppliedPlans plans, TokenMoves moves,
                    RedistributionRecords records, MeterRegistry meters) {
        this.exceptions = exceptions;
        this.computation = computation;
        this.plans = plans;
        this.moves = moves;
        this.records = records;
        this.meters = meters;
    }

    public RedistributionPlan preview(UUID exceptionId) {
        ScheduleException exception = exceptions.require(exceptionId);
        return timed("preview", () -> computation.current(exception));
    }

    /** @param appliedBy the staff subject applying the plan */
    public ApplyResult apply(UUID exceptionId, String planVersion, UUID appliedBy) {
        ScheduleException exception = exceptions.require(exceptionId);
        if (!exception.approved()) {
            throw new NotApprovedException(exceptionId);
        }
        return timed("apply", () -> carryOut(exception, planVersion, appliedBy));
    }

    private ApplyResult carryOut(ScheduleException exception, String planVersion, UUID appliedBy) {
        UUID exceptionId = exception.exceptionId();
        Optional<RedistributionPlan> started = plans.start(exception, planVersion, appliedBy);
        if (started.isEmpty()) {
            log.info("Plan {} of schedule exception {} was applied before; nothing moved", planVersion, exceptionId);
            return new ApplyResult(exceptionId, planVersion, true, records.moves(exceptionId), List.of(),
                    exceptions.require(exceptionId).redistributionStatus());
        }
        RedistributionPlan plan = started.get();
        List<ApplyResult.FailedMove> failed = new ArrayList<>();
        UUID from = exception.doctorId();
        for (RedistributionPlan.Placement placement : plan.placements()) {
            attempt(placement.token(), from, failed, () -> moves.place(exceptionId, from, placement, appliedBy));
        }
        for (RedistributionPlan.Unplaced unplaced : plan.unplaced()) {
            attempt(unplaced.token(), from, failed, () -> moves.settle(exceptionId, from, unplaced, appliedBy));
        }
        // A token that could not move keeps the exception PENDING: a fresh preview and apply take it.
        RedistributionStatus status = failed.isEmpty() ? plans.finish(exceptionId) : RedistributionStatus.PENDING;
        try (LogContext ignored = LogContext.doctor(from)) {
            log.info("Plan {} of schedule exception {} applied: {} moved, {} unplaced, {} failed, status {}", planVersion,
                    exceptionId, plan.placements().size(), plan.unplaced().size(), failed.size(), status);
        }
        return new ApplyResult(exceptionId, planVersion, false, records.moves(exceptionId), failed, status);
    }

    private void attempt(PlanInput.AffectedToken token, UUID from, List<ApplyResult.FailedMove> failed,
                         Supplier<Optional<AppliedMove>> move) {
        try {
            move.get().ifPresent(done -> meters.counter("opd.redistribution.tokens", "outcome", done.outcome().name()).increment());
        } catch (ProblemException e) {
            // The token changed or the shift filled since the plan was computed: that token stays, the others go on.
            meters.counter("opd.redistribution.tokens", "outcome", "FAILED").increment();
            try (LogContext ignored = LogContext.token(token.tokenId(), from)) {
                log.warn("Token {} not moved: {}", token.tokenNumber(), e.type());
            }
            failed.add(new ApplyResult.FailedMove(token.tokenId(), e.type(), e.detail()));
        }
    }

    public void setUnplacedTokenRule(UUID deptId, UnplacedTokenRule rule) {
        if (!records.updateRule(deptId, rule)) {
            throw new NotFoundException("department", deptId);
        }
    }

    private <T> T timed(String operation, Supplier<T> work) {
        return Timer.builder("opd.redistribution.duration").description("Redistribution previews and applications")
                .tag("operation", operation).register(meters).record(work);
    }
}
