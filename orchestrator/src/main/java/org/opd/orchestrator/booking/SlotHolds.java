package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.ConflictException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.patient.PatientRepository;
import org.opd.orchestrator.schedule.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking in two steps, as the FHIR scheduling operations ask ({@code Slot/$hold}, then
 * {@code Appointment/$book}): a hold is a SCHEDULED appointment with {@code hold_expires_at}, the same
 * row an unpaid booking is, so the exclusion constraint keeps the slot from everyone else and
 * {@link HoldRelease} lets it go when its time is up; booking it confirms that row. One slot is held by
 * one appointment at a time (the database says so), and a hold is confirmed at most once (its row is
 * locked and its status moves SCHEDULED → CONFIRMED once).
 * <p>
 * A doctor with a booking fee is booked through {@link Bookings#book}, which makes the payment link:
 * a hold without one could never be paid, so it is refused.
 */
@Service
public class SlotHolds {

    private static final Logger log = LoggerFactory.getLogger(SlotHolds.class);

    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final ScheduleExceptions exceptions;
    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final BookingFeeRepository fees;
    private final HoldRelease holds;
    private final BookingProperties properties;
    private final AppointmentEvents events;
    private final Clock clock;

    SlotHolds(Bookings bookings, AppointmentRepository appointments, ScheduleExceptions exceptions, DoctorRepository doctors,
              PatientRepository patients, BookingFeeRepository fees, HoldRelease holds, BookingProperties properties,
              AppointmentEvents events, Clock clock) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.exceptions = exceptions;
        this.doctors = doctors;
        this.patients = patients;
        this.fees = fees;
        this.holds = holds;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Holds one slot of the doctor's schedule (its start, its length) for the patient for {@code hold-for}.
     *
     * @throws SlotTakenException when another appointment or hold has some of its time
     */
    @Transactional
    public Appointment hold(UUID doctorId, UUID patientId, Instant start, AppointmentType type, String reason, UUID heldBy) {
        Doctor doctor = doctors.require(doctorId);
        if (!patients.require(patientId).hospitalId().equals(doctor.hospitalId())) {
            throw new OtherHospitalException("Patient " + patientId + " is registered in another hospital than the doctor", "patient");
        }
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("start", "must be in the future");
        }
        if (fees.find(doctorId).isPresent()) {
            throw new BusinessRuleException("payment-required", "Paid booking",
                    "The doctor's bookings are paid: book through POST /api/v1/appointments, which answers with the payment link",
                    Map.of());
        }
        Session session = bookings.sessionStartingSlotAt(doctor, start);
        Instant end = start.plus(session.slotMinutes(), ChronoUnit.MINUTES);
        if (!exceptions.absences(doctorId, start, end).isEmpty()) {
            throw new BusinessRuleException("doctor-away", "Doctor away", "The doctor is away for some of this time",
                    Map.of("field", "start"));
        }
        holds.releaseLapsedOf(doctorId);
        Instant until = clock.instant().plus(properties.holdFor());
        UUID appointmentId = appointments.insert(new NewAppointment(doctorId, patientId, start, session.slotMinutes(), type, reason),
                end, AppointmentStatus.SCHEDULED, until, heldBy);
        try (LogContext ignored = LogContext.doctor(doctorId)) {
            log.info("Slot {} held as appointment {} until {}", start, appointmentId, until);
        }
        Appointment held = appointments.find(appointmentId).orElseThrow();
        events.created(held);
        return held;
    }

    /**
     * Confirms a hold that has not lapsed. A second booking of the same hold, or of one let go, is refused:
     * the row is locked, so of concurrent bookings exactly one moves it.
     */
    @Transactional
    public Appointment book(UUID appointmentId) {
        Appointment held = appointments.findForUpdate(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (held.status() == AppointmentStatus.SCHEDULED && held.holdExpiresAt() != null
                && !held.holdExpiresAt().isAfter(clock.instant())) {
            throw new ConflictException("hold-expired", "Hold expired",
                    "The hold of appointment " + appointmentId + " lapsed at " + held.holdExpiresAt() + "; hold the slot again",
                    Map.of("currentStatus", held.status().name()));
        }
        if (held.status() == AppointmentStatus.SCHEDULED && held.paymentUrl() != null) {
            throw new BusinessRuleException("payment-required", "Paid booking",
                    "Appointment " + appointmentId + " is confirmed when its payment link is paid", Map.of());
        }
        Appointment booked = held.confirm();
        appointments.update(booked);
        events.moved(booked);
        try (LogContext ignored = LogContext.doctor(booked.doctorId())) {
            log.info("Held appointment {} booked", appointmentId);
        }
        return booked;
    }
}
