package org.opd.orchestrator.booking;

import java.util.Map;

import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.token.TokenMoved;
import org.opd.schemas.token.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An appointment's status follows the token it became, in the token's own transaction: the
 * consultation starting makes it IN_PROGRESS, then COMPLETED or NO_SHOW; a cancelled token cancels
 * it. A rescheduled token gives up the appointment's slot (the replacement token keeps the new time),
 * so the appointment is cancelled too. A move the appointment has already made is not made twice.
 */
@Component
class AppointmentFollowsToken {

    private static final Logger log = LoggerFactory.getLogger(AppointmentFollowsToken.class);

    private static final Map<TokenStatus, AppointmentStatus> FOLLOWS = Map.of(
            TokenStatus.IN_CONSULTATION, AppointmentStatus.IN_PROGRESS,
            TokenStatus.COMPLETED, AppointmentStatus.COMPLETED,
            TokenStatus.NO_SHOW, AppointmentStatus.NO_SHOW,
            TokenStatus.CANCELLED, AppointmentStatus.CANCELLED,
            TokenStatus.RESCHEDULED, AppointmentStatus.CANCELLED);

    private final AppointmentRepository appointments;
    private final AppointmentEvents events;

    AppointmentFollowsToken(AppointmentRepository appointments, AppointmentEvents events) {
        this.appointments = appointments;
        this.events = events;
    }

    @EventListener
    void on(TokenMoved moved) {
        AppointmentStatus next = FOLLOWS.get(moved.newStatus());
        if (next == null) {
            return;
        }
        appointments.findByTokenForUpdate(moved.tokenId())
                .filter(appointment -> appointment.status().canMoveTo(next))
                .ifPresent(appointment -> {
                    Appointment followed = appointment.follow(next, "TOKEN_" + moved.newStatus());
                    appointments.update(followed);
                    events.moved(followed);
                    try (LogContext ignored = LogContext.token(moved.tokenId(), appointment.doctorId())) {
                        log.info("Appointment {} {} with its token", appointment.appointmentId(), next);
                    }
                });
    }
}
