package org.opd.orchestrator.token.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.Token;
import org.opd.orchestrator.token.TokenBooking;
import org.opd.orchestrator.token.TokenTimeline;

/**
 * A token as the API shows it. Times carry the hospital's offset. The status is PostgreSQL's;
 * {@code queuePosition} and the ETAs come from the live queue projection and are null while
 * the token is not in line or the projection has not caught up. {@code version} is what
 * {@code If-Match} takes; {@code rescheduledFrom} links a rescheduled visit's new token to the old.
 * {@code linePlaceAt} is the token's place in its doctor's call order (earlier is called sooner), and
 * {@code parkedAt} says since when a parked token has been out of the line.
 */
record TokenResponse(
        UUID tokenId,
        String tokenNumber,
        String status,
        UUID patientId,
        UUID doctorId,
        UUID deptId,
        UUID cabinId,
        UUID hospitalId,
        String bookingType,
        int priority,
        OffsetDateTime scheduledTime,
        LocalDate serviceDate,
        String visitReason,
        OffsetDateTime checkInTime,
        OffsetDateTime calledTime,
        OffsetDateTime consultationStartTime,
        OffsetDateTime consultationEndTime,
        String cancellationReason,
        Integer queuePosition,
        Integer etaMinutesP50,
        Integer etaMinutesP90,
        long version,
        UUID rescheduledFrom,
        OffsetDateTime linePlaceAt,
        OffsetDateTime parkedAt) {

    static TokenResponse of(LoadedToken loaded, LivePosition live) {
        Token token = loaded.token();
        TokenBooking b = token.booking();
        TokenTimeline t = token.timeline();
        ZoneId zone = loaded.context().zone();
        LivePosition position = token.status().isInLine() ? live : LivePosition.UNKNOWN;
        return new TokenResponse(b.tokenId(), b.tokenNumber(), token.status().name(), b.patientId(), b.doctorId(),
                b.deptId(), b.cabinId(), b.hospitalId(), b.bookingType().name(), b.priority(),
                LocalTimes.at(b.scheduledTime(), zone), b.serviceDate(), b.visitReason(),
                LocalTimes.at(t.checkInTime(), zone), LocalTimes.at(t.calledTime(), zone), LocalTimes.at(t.consultationStartTime(), zone),
                LocalTimes.at(t.consultationEndTime(), zone), token.cancellationReason(),
                position.position(), position.etaMinutesP50(), position.etaMinutesP90(), token.version(),
                b.rescheduledFrom(), LocalTimes.at(t.linePlaceAt(), zone), LocalTimes.at(t.parkedAt(), zone));
    }
}
