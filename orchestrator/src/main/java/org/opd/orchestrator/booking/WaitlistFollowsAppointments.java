package org.opd.orchestrator.booking;

import java.time.Clock;

import org.opd.orchestrator.logging.LogContext;
import org.opd.schemas.appointment.AppointmentEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The waitlist follows appointments in their own transaction: a slot given up (cancelled, a hold let go,
 * moved away) that is still ahead becomes an opening for {@link WaitlistOffers}; an offered hold that is
 * confirmed books its entry, one that is cancelled or lapses ends its entry's turn.
 */
@Component
class WaitlistFollowsAppointments {

    private static final Logger log = LoggerFactory.getLogger(WaitlistFollowsAppointments.class);

    private final WaitlistRepository entries;
    private final WaitlistOpenings openings;
    private final Clock clock;

    WaitlistFollowsAppointments(WaitlistRepository entries, WaitlistOpenings openings, Clock clock) {
        this.entries = entries;
        this.openings = openings;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentChanged change) {
        Appointment appointment = change.appointment();
        try (LogContext ignored = LogContext.doctor(appointment.doctorId())) {
            if (change.type() == AppointmentEventType.APPOINTMENT_CONFIRMED) {
                entries.endOffer(appointment.appointmentId(), WaitlistStatus.BOOKED)
                        .ifPresent(entry -> log.info("Waitlist entry {} booked its offer {}", entry, appointment.appointmentId()));
            }
            if (change.type() == AppointmentEventType.APPOINTMENT_CANCELLED) {
                entries.endOffer(appointment.appointmentId(), WaitlistStatus.LAPSED)
                        .ifPresent(entry -> log.info("Waitlist entry {} let its offer {} go", entry, appointment.appointmentId()));
            }
            if (change.freesSlot() && change.freedStart().isAfter(clock.instant())) {
                openings.record(appointment.doctorId(), change.freedStart());
            }
        }
    }
}
