package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.outbox.OutboxEvent;
import org.opd.orchestrator.outbox.OutboxWriter;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.AppointmentEventType;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.kafka.Topics;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an appointment's change, or news about it, to the outbox as an {@link AppointmentEvent} (keyed by
 * doctor id) in the transaction that stores the change, so it is published if and only if the change commits;
 * then tells the waitlist ({@link AppointmentChanged}) in that same transaction.
 */
@Component
class AppointmentEvents {

    /** The event of each status an appointment can reach by a move (booking and reschedules have their own). */
    private static final Map<AppointmentStatus, AppointmentEventType> OF_STATUS = Map.of(
            AppointmentStatus.CONFIRMED, AppointmentEventType.APPOINTMENT_CONFIRMED,
            AppointmentStatus.IN_PROGRESS, AppointmentEventType.APPOINTMENT_STARTED,
            AppointmentStatus.COMPLETED, AppointmentEventType.APPOINTMENT_COMPLETED,
            AppointmentStatus.NO_SHOW, AppointmentEventType.APPOINTMENT_MARKED_NO_SHOW,
            AppointmentStatus.CANCELLED, AppointmentEventType.APPOINTMENT_CANCELLED);

    private final DoctorRepository doctors;
    private final OutboxWriter outbox;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    AppointmentEvents(DoctorRepository doctors, OutboxWriter outbox, ApplicationEventPublisher changes, Clock clock) {
        this.doctors = doctors;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    /** A new appointment: held (SCHEDULED, until paid or confirmed) or booked at once (CONFIRMED). */
    @Transactional(propagation = Propagation.MANDATORY)
    void created(Appointment appointment) {
        publish(appointment.status() == AppointmentStatus.SCHEDULED ? AppointmentEventType.APPOINTMENT_HELD
                : AppointmentEventType.APPOINTMENT_BOOKED, appointment, null, null, null);
    }

    /** The appointment moved to the status it now has (confirmed, started, completed, no-show, cancelled). */
    @Transactional(propagation = Propagation.MANDATORY)
    void moved(Appointment appointment) {
        AppointmentEventType type = OF_STATUS.get(appointment.status());
        if (type == null) {
            throw new IllegalArgumentException("No appointment moves to " + appointment.status());
        }
        publish(type, appointment, null, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rescheduled(Appointment appointment, Instant previousStartsAt) {
        publish(AppointmentEventType.APPOINTMENT_RESCHEDULED, appointment, previousStartsAt, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void offered(Appointment hold, UUID waitlistEntryId) {
        publish(AppointmentEventType.WAITLIST_OFFERED, hold, null, waitlistEntryId, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reminderDue(Appointment appointment, ReminderKind kind) {
        publish(AppointmentEventType.REMINDER_DUE, appointment, null, null, kind);
    }

    private void publish(AppointmentEventType type, Appointment appointment, Instant previousStartsAt, UUID waitlistEntryId,
                         ReminderKind reminderKind) {
        UUID eventId = UUID.randomUUID();
        boolean holdLapsed = type == AppointmentEventType.APPOINTMENT_CANCELLED
                && Appointment.HOLD_EXPIRED.equals(appointment.cancelReason());
        AppointmentEvent event = new AppointmentEvent(AppointmentEvent.SCHEMA_VERSION, eventId, type, clock.instant(),
                appointment.appointmentId(), appointment.doctorId(), appointment.patientId(),
                doctors.require(appointment.doctorId()).hospitalId(), appointment.startsAt(), appointment.endsAt(),
                previousStartsAt, appointment.holdExpiresAt(), appointment.paymentUrl() != null, holdLapsed,
                waitlistEntryId, reminderKind);
        outbox.append(new OutboxEvent(eventId, Topics.APPOINTMENT_AGGREGATE, appointment.doctorId().toString(), type.name(),
                AppointmentEvent.SCHEMA_VERSION, event));
        changes.publishEvent(new AppointmentChanged(appointment, type, previousStartsAt));
    }
}
