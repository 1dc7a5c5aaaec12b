package org.opd.orchestrator.leave.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.leave.ExceptionType;
import org.opd.orchestrator.leave.RedistributionStatus;
import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.orchestrator.token.LoadedToken;

/** @param affectedTokens the doctor's tokens the absence takes away, as of this answer: in line in call order, then booked */
record ScheduleExceptionResponse(
        UUID exceptionId,
        UUID doctorId,
        ExceptionType exceptionType,
        OffsetDateTime startDatetime,
        OffsetDateTime endDatetime,
        String reason,
        int affectedTokensCount,
        RedistributionStatus redistributionStatus,
        boolean approved,
        UUID requestedBy,
        UUID approvedBy,
        OffsetDateTime approvedAt,
        OffsetDateTime createdAt,
        List<AffectedToken> affectedTokens) {

    record AffectedToken(UUID tokenId, String tokenNumber, String status, int priority, OffsetDateTime scheduledTime,
                         OffsetDateTime checkInTime) {

        static AffectedToken of(LoadedToken loaded) {
            var token = loaded.token();
            return new AffectedToken(token.booking().tokenId(), token.booking().tokenNumber(), token.status().name(),
                    token.booking().priority(), LocalTimes.at(token.booking().scheduledTime(), loaded.context().zone()),
                    LocalTimes.at(token.timeline().checkInTime(), loaded.context().zone()));
        }
    }

    static ScheduleExceptionResponse of(ScheduleException e, List<LoadedToken> affected) {
        return new ScheduleExceptionResponse(e.exceptionId(), e.doctorId(), e.type(), LocalTimes.at(e.start(), e.zone()),
                LocalTimes.at(e.end(), e.zone()), e.reason(), e.affectedTokensCount(), e.redistributionStatus(), e.approved(),
                e.requestedBy(), e.approvedBy(), LocalTimes.at(e.approvedAt(), e.zone()), LocalTimes.at(e.createdAt(), e.zone()),
                affected.stream().map(AffectedToken::of).toList());
    }
}
