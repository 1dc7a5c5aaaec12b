package org.opd.orchestrator.token;

import java.util.UUID;

import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;

/** Builds the published event of one token change. Ids and timing only: no patient names or phones. */
final class TokenEvents {

    private TokenEvents() {
    }

    static TokenEvent of(UUID eventId, Token token, TokenChange change, TokenContext context) {
        return of(eventId, change.type(), token.booking().doctorId(), token.booking().cabinId(), token, change, context);
    }

    /** The old doctor's copy of a reassignment: the token left that line (keyed, and named, by the old doctor). */
    static TokenEvent away(UUID eventId, Token token, TokenChange change, TokenContext context) {
        TokenChange.Handover handover = change.handover();
        return of(eventId, TokenEventType.TOKEN_REASSIGNED_AWAY, handover.fromDoctorId(), handover.fromCabinId(), token,
                change, context);
    }

    private static TokenEvent of(UUID eventId, TokenEventType type, UUID doctorId, UUID cabinId, Token token,
                                 TokenChange change, TokenContext context) {
        TokenBooking b = token.booking();
        TokenTimeline t = token.timeline();
        TokenChange.Handover handover = change.handover();
        return new TokenEvent(
                TokenEvent.SCHEMA_VERSION,
                eventId,
                type,
                change.occurredAt(),
                b.tokenId(),
                b.tokenNumber(),
                b.patientId(),
                doctorId,
                b.deptId(),
                b.hospitalId(),
                cabinId,
                change.previousStatus(),
                change.newStatus(),
                b.priority(),
                b.bookingType(),
                b.scheduledTime(),
                t.checkInTime(),
                t.calledTime(),
                t.consultationStartTime(),
                t.consultationEndTime(),
                context.avgConsultationMinutes(),
                context.bufferMinutes(),
                handover == null ? null : handover.fromDoctorId(),
                handover == null ? null : handover.toDoctorId(),
                handover == null ? null : handover.expectedWaitMinutes(),
                t.linePlaceAt(),
                t.parkedAt());
    }
}
