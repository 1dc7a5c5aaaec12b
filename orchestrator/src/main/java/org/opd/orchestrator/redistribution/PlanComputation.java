package org.opd.orchestrator.redistribution;

import java.time.Clock;

import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Computes the plan for an exception as the queues are now, with its version. */
@Component
class PlanComputation {

    private final ScheduleExceptions exceptions;
    private final PlanInputs inputs;
    private final RedistributionPlanner planner = new RedistributionPlanner();
    private final Clock clock;

    PlanComputation(ScheduleExceptions exceptions, PlanInputs inputs, Clock clock) {
        this.exceptions = exceptions;
        this.inputs = inputs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    RedistributionPlan current(ScheduleException exception) {
        PlanInput input = inputs.read(exception, exceptions.affectedTokens(exception), clock.instant());
        return planner.plan(input, PlanFingerprint.of(input));
    }
}
