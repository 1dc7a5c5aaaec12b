package org.opd.orchestrator.redistribution;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who moves where, and what becomes of those nobody has room for.
 *
 * @param planVersion the fingerprint of what the plan was computed from; applying names it
 */
public record RedistributionPlan(UUID exceptionId, String planVersion, List<Placement> placements, List<Unplaced> unplaced) {

    public RedistributionPlan {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
    }

    /** A token moved into a colleague's shift, with the wait before (in the absent doctor's line) and after. */
    public record Placement(PlanInput.AffectedToken token, PlanInput.Session session, int etaMinutesBefore,
                            int etaMinutesAfter) {
    }

    /**
     * A token nobody has room for.
     *
     * @param outcome        RESCHEDULED (to the next session) or CANCELLED
     * @param rescheduleTo   the next session's start, for RESCHEDULED; else null
     */
    public record Unplaced(PlanInput.AffectedToken token, TokenOutcome outcome, Instant rescheduleTo, String reason) {
    }
}
