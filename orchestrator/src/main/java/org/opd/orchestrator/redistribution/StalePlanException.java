package org.opd.orchestrator.redistribution;

import java.util.Map;

import org.opd.orchestrator.error.ConflictException;

/** The queues moved since the plan was previewed: nothing was moved; preview again. */
class StalePlanException extends ConflictException {

    StalePlanException(String given, String current) {
        super("redistribution-plan-stale", "Plan is stale",
                "The queues changed since plan " + given + " was previewed; preview again and apply the new plan",
                Map.of("field", "planVersion", "currentPlanVersion", current));
    }
}
