package org.opd.orchestrator.redistribution.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.leave.RedistributionStatus;
import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.redistribution.RedistributionPlan;
import org.opd.orchestrator.redistribution.TokenOutcome;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.schemas.token.TokenStatus;

/** The plan as previewed: who moves where with the wait before and after, who cannot be placed and what becomes of them. */
record PlanResponse(UUID exceptionId, UUID doctorId, RedistributionStatus redistributionStatus, String planVersion,
                    List<Move> moves, List<Unplaced> unplaced) {

    record Move(UUID tokenId, String tokenNumber, TokenStatus status, int priority, UUID toDoctorId, String toDoctorName,
                UUID toCabinId, String toCabinNumber, UUID toAssignmentId, int etaMinutesBefore, int etaMinutesAfter) {
    }

    /** @param rescheduleTo the start of the doctor's next session, for RESCHEDULED */
    record Unplaced(UUID tokenId, String tokenNumber, TokenStatus status, int priority, TokenOutcome outcome,
                    OffsetDateTime rescheduleTo, String reason) {
    }

    static PlanResponse of(ScheduleException exception, RedistributionPlan plan) {
        ZoneId zone = exception.zone();
        return new PlanResponse(exception.exceptionId(), exception.doctorId(), exception.redistributionStatus(),
                plan.planVersion(),
                plan.placements().stream().map(p -> new Move(p.token().tokenId(), p.token().tokenNumber(), p.token().status(),
                        p.token().priority(), p.session().doctorId(), p.session().doctorName(), p.session().cabinId(),
                        p.session().cabinNumber(), p.session().assignmentId(), p.etaMinutesBefore(), p.etaMinutesAfter())).toList(),
                plan.unplaced().stream().map(u -> new Unplaced(u.token().tokenId(), u.token().tokenNumber(), u.token().status(),
                        u.token().priority(), u.outcome(), LocalTimes.at(u.rescheduleTo(), zone), u.reason())).toList());
    }
}
