package org.opd.orchestrator.booking;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets go of unpaid holds whose time is up, so their slots are free again by themselves: every
 * {@code expiry-check-interval}, and for one doctor right before a booking of theirs (so a lapsed hold
 * never blocks the slot it no longer holds). Their payment links are marked expired with them, and each is
 * published as cancelled (a lapsed hold), which passes a waitlist offer on to the next patient.
 */
@Configuration(proxyBeanMethods = false)
class HoldRelease implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HoldRelease.class);
    private static final int BATCH = 500;

    private final AppointmentRepository appointments;
    private final PaymentLinkRepository links;
    private final AppointmentEvents events;
    private final BookingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HoldRelease(AppointmentRepository appointments, PaymentLinkRepository links, AppointmentEvents events, BookingProperties properties,
                TransactionTemplate transaction, Clock clock) {
        this.appointments = appointments;
        this.links = links;
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::releaseAllLapsed, properties.expiryCheckInterval());
    }

    /** @return how many holds were let go */
    int releaseAllLapsed() {
        Integer released = transaction.execute(status -> release(null));
        if (released != null && released > 0) {
            log.info("Let go of {} lapsed unpaid holds", released);
        }
        return released == null ? 0 : released;
    }

    /** In the caller's transaction (the booking's), so the freed slot and the booking commit together. */
    void releaseLapsedOf(UUID doctorId) {
        release(doctorId);
    }

    private int release(UUID doctorId) {
        List<UUID> released = appointments.releaseLapsedHolds(doctorId, clock.instant(), BATCH);
        links.expire(released);
        released.forEach(id -> appointments.find(id).ifPresent(events::moved));
        return released.size();
    }
}
