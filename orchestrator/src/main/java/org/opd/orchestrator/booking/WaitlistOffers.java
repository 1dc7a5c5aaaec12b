package org.opd.orchestrator.booking;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.WaitlistOpenings.Opening;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Offers each freed slot to the first patient waiting for its doctor and day: a hold of their own for
 * {@code hold-for} (with a payment link when the doctor's bookings are paid) and a
 * {@code WAITLIST_OFFERED} event the notifier turns into a message with the link. The opening, the hold,
 * the entry's turn and the event commit together or not at all; a hold that lapses frees the slot again, so
 * it goes to the next patient. Openings are claimed with SKIP LOCKED, so several orchestrators share them.
 * A slot that can no longer be held (booked meanwhile, in the past now, the doctor away) is not offered.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistOffers implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);
    private static final int BATCH = 100;
    private static final String REASON = "Waitlist offer";

    /** What became of one opening. */
    enum Outcome { OFFERED, NOBODY_WAITING, NOT_HOLDABLE }

    private final WaitlistOpenings openings;
    private final WaitlistRepository entries;
    private final SlotHolds slotHolds;
    private final Bookings bookings;
    private final BookingFeeRepository fees;
    private final AppointmentEvents events;
    private final BookingProperties properties;
    private final DoctorRepository doctors;
    private final HospitalRepository hospitals;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    WaitlistOffers(WaitlistOpenings openings, WaitlistRepository entries, SlotHolds slotHolds, Bookings bookings,
                   BookingFeeRepository fees, AppointmentEvents events, BookingProperties properties, DoctorRepository doctors,
                   HospitalRepository hospitals, TransactionTemplate transaction, MeterRegistry meters) {
        this.openings = openings;
        this.entries = entries;
        this.slotHolds = slotHolds;
        this.bookings = bookings;
        this.fees = fees;
        this.events = events;
        this.properties = properties;
        this.doctors = doctors;
        this.hospitals = hospitals;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("opd.waitlist.openings")
                    .description("Freed slots worked off by the waitlist, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::offerFreedSlots, properties.waitlistOfferInterval());
    }

    /** @return how many freed slots were offered to someone */
    int offerFreedSlots() {
        int made = 0;
        for (int i = 0; i < BATCH; i++) {
            Outcome outcome = transaction.execute(status -> openings.claimOldest().map(this::offer).orElse(null));
            if (outcome == null) {
                break;
            }
            outcomes.get(outcome).increment();
            if (outcome == Outcome.OFFERED) {
                made++;
            }
        }
        return made;
    }

    /** In the claim's transaction; the hold in a savepoint of it, so a slot that cannot be held just ends the opening. */
    private Outcome offer(Opening opening) {
        try (LogContext ignored = LogContext.doctor(opening.doctorId())) {
            Doctor doctor = doctors.require(opening.doctorId());
            LocalDate day = opening.startsAt().atZone(hospitals.require(doctor.hospitalId()).zone()).toLocalDate();
            Optional<UUID> first = entries.lockFirstWaiting(opening.doctorId(), day);
            if (first.isEmpty()) {
                return Outcome.NOBODY_WAITING;
            }
            WaitlistEntry entry = entries.find(first.get()).orElseThrow();
            Appointment hold;
            try {
                hold = savepoint.execute(status -> hold(entry, opening));
            } catch (ProblemException | ConcurrencyFailureException e) {
                log.info("Freed slot {} not offered to waitlist entry {}: {}", opening.startsAt(), entry.entryId(), e.getMessage());
                return Outcome.NOT_HOLDABLE;
            }
            entries.markOffered(entry.entryId(), hold.appointmentId());
            events.offered(hold, entry.entryId());
            log.info("Freed slot {} offered to waitlist entry {} as hold {} until {}", opening.startsAt(), entry.entryId(),
                    hold.appointmentId(), hold.holdExpiresAt());
            return Outcome.OFFERED;
        }
    }

    /** A paid doctor's slot is held by a booking with its payment link; a free one's by a hold to confirm. */
    private Appointment hold(WaitlistEntry entry, Opening opening) {
        if (fees.find(opening.doctorId()).isPresent()) {
            return bookings.book(new NewAppointment(opening.doctorId(), entry.patientId(), opening.startsAt(), null,
                    AppointmentType.CONSULTATION, REASON), null);
        }
        return slotHolds.hold(opening.doctorId(), entry.patientId(), opening.startsAt(), AppointmentType.CONSULTATION, REASON,
                null);
    }
}
