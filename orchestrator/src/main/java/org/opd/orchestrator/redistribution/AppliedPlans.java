package org.opd.orchestrator.redistribution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.leave.RedistributionStatus;
import org.opd.orchestrator.leave.ScheduleException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and finishes the application of a plan, each in a transaction of its own (never the
 * request's: each token's move must commit on its own).
 */
@Component
class AppliedPlans {

    private final RedistributionRecords records;
    private final PlanComputation computation;

    AppliedPlans(RedistributionRecords records, PlanComputation computation) {
        this.records = records;
        this.computation = computation;
    }

    /**
     * With the exception's row locked: empty when this plan version was applied already (nothing is
     * moved again); else the plan to carry out, recorded as applied, provided it is the previewed one.
     *
     * @throws StalePlanException when the queues changed since the preview
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<RedistributionPlan> start(ScheduleException exception, String planVersion, UUID appliedBy) {
        records.lockException(exception.exceptionId());
        if (records.appliedPlanVersion(exception.exceptionId()).filter(planVersion::equals).isPresent()) {
            return Optional.empty();
        }
        RedistributionPlan plan = computation.current(exception);
        if (!plan.planVersion().equals(planVersion)) {
            throw new StalePlanException(planVersion, plan.planVersion());
        }
        records.savePlan(exception.exceptionId(), planVersion, appliedBy);
        return Optional.of(plan);
    }

    /**
     * Sets the exception's {@code redistribution_status} from every move made for it: REDISTRIBUTED when
     * any token moved to a colleague (or none needed to), else RESCHEDULED when any was rescheduled, else CANCELLED.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    RedistributionStatus finish(UUID exceptionId) {
        List<TokenOutcome> outcomes = records.moves(exceptionId).stream().map(AppliedMove::outcome).toList();
        RedistributionStatus status = outcomes.isEmpty() || outcomes.contains(TokenOutcome.REDISTRIBUTED)
                ? RedistributionStatus.REDISTRIBUTED
                : outcomes.contains(TokenOutcome.RESCHEDULED) ? RedistributionStatus.RESCHEDULED : RedistributionStatus.CANCELLED;
        records.updateStatus(exceptionId, status);
        return status;
    }
}
