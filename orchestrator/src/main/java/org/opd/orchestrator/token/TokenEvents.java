package org.opd.orchestrator.token;

import java.util.UUID;

import org.opd.schemas.token.TokenEvent;

/** Builds the published event of one token change. Ids and timing only: no patient names or phones. */
final class TokenEvents {

    private TokenEvents() {
    }

    static TokenEvent of(UUID eventId, Token token, TokenChange change, TokenContext context) {
        TokenBooking b = token.booking();
        TokenTimeline t = token.timeline();
        return new TokenEvent(
                TokenEvent.SCHEMA_VERSION,
                eventId,
                change.type(),
                change.occurredAt(),
                b.tokenId(),
                b.tokenNumber(),
                b.patientId(),
                b.doctorId(),
                b.deptId(),
                b.hospitalId(),
                b.cabinId(),
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
                context.bufferMinutes());
    }
}
