package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.IllegalTransitionException;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.patient.PatientRepository;
import org.opd.orchestrator.schedule.BookableSessions;
import org.opd.orchestrator.schedule.Session;
import org.opd.orchestrator.token.ExpectedVersion;
import org.opd.orchestrator.token.TokenCommand;
import org.opd.orchestrator.token.TokenTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Books and cancels appointments. A booking must start at one of the doctor's slots and stay in its
 * session, out of breaks and absences; that no two appointments overlap is left to the database's
 * exclusion constraint, the one check that holds under concurrent bookings.
 */
@Service
public class Bookings {

    private static final Logger log = LoggerFactory.getLogger(Bookings.class);

    private final AppointmentRepository appointments;
    private final BookableSessions sessions;
    private final ScheduleExceptions exceptions;
    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final HospitalRepository hospitals;
    private final BookingFeeRepository fees;
    private final HoldRelease holds;
    private final RazorpayPaymentLinks razorpay;
    private final PaymentLinkRepository links;
    private final BookingProperties properties;
    private final TokenTransitions tokens;
    private final AppointmentEvents events;
    private final Clock clock;

    Bookings(AppointmentRepository appointments, BookableSessions sessions, ScheduleExceptions exceptions,
             DoctorRepository doctors, PatientRepository patients, HospitalRepository hospitals, BookingFeeRepository fees,
             HoldRelease holds, RazorpayPaymentLinks razorpay, PaymentLinkRepository links, BookingProperties properties,
             TokenTransitions tokens, AppointmentEvents events, Clock clock) {
        this.appointments = appointments;
        this.sessions = sessions;
        this.exceptions = exceptions;
        this.doctors = doctors;
        this.patients = patients;
        this.hospitals = hospitals;
        this.fees = fees;
        this.holds = holds;
        this.razorpay = razorpay;
        this.links = links;
        this.properties = properties;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A free booking is confirmed at once. A paid one holds its slot for {@code hold-for} as SCHEDULED,
     * with a Razorpay payment link expiring with the hold; when the link cannot be made, nothing is booked.
     */
    @Transactional
    public Appointment book(NewAppointment request, UUID bookedBy) {
        return book(request, bookedBy, true);
    }

    /**
     * Books and confirms at once, whatever the doctor's fee: for bookings whose payment, if any, an
     * outside system took (Cal.com collects its own), so no second payment link is made.
     */
    @Transactional
    public Appointment bookConfirmed(NewAppointment request, UUID bookedBy) {
        return book(request, bookedBy, false);
    }

    private Appointment book(NewAppointment request, UUID bookedBy, boolean collectFee) {
        Doctor doctor = doctors.require(request.doctorId());
        if (!patients.require(request.patientId()).hospitalId().equals(doctor.hospitalId())) {
            throw new OtherHospitalException("Patient " + request.patientId() + " is registered in another hospital than the doctor", "patientId");
        }
        Instant endsAt = bookableEnd(doctor, request.startsAt(), request.durationMinutes());
        Optional<BookingFee> fee = collectFee ? fees.find(doctor.doctorId()) : Optional.empty();
        Instant holdUntil = fee.isPresent() ? clock.instant().plus(properties.holdFor()) : null;
        UUID appointmentId = appointments.insert(request, endsAt,
                fee.isPresent() ? AppointmentStatus.SCHEDULED : AppointmentStatus.CONFIRMED, holdUntil, bookedBy);
        fee.ifPresent(f -> links.insert(appointmentId, razorpay.create(appointmentId, f, holdUntil,
                "OPD appointment " + request.startsAt()), f, holdUntil));
        try (LogContext ignored = LogContext.doctor(doctor.doctorId())) {
            log.info("Appointment {} booked for {}{}", appointmentId, request.startsAt(), fee.isPresent() ? ", held until paid" : "");
        }
        Appointment booked = require(appointmentId);
        events.created(booked);
        return booked;
    }

    /**
     * Frees the slot; the token the appointment became today, if any, is cancelled with it. A paid
     * appointment's payment is marked to be refunded in full: specs 000–003 set no cancellation fee;
     * an unpaid hold's payment link is cancelled at Razorpay.
     */
    @Transactional
    public Appointment cancel(UUID appointmentId, String reason) {
        Appointment cancelled = appointments.findForUpdate(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId))
                .cancel(reason);
        appointments.update(cancelled);
        events.moved(cancelled);
        links.markRefundDue(appointmentId);
        links.cancelUnpaid(appointmentId).ifPresent(this::cancelAtRazorpayOnceCommitted);
        if (cancelled.tokenId() != null) {
            tokens.cancel(new TokenCommand(cancelled.tokenId(), ExpectedVersion.ANY, null), reason);
        }
        try (LogContext ignored = LogContext.doctor(cancelled.doctorId())) {
            log.info("Appointment {} cancelled", appointmentId);
        }
        return cancelled;
    }

    /**
     * Moves the appointment to another time of its doctor, checked as a new booking is (a slot's start,
     * within the session, the doctor not away, the time free); it keeps its id, status and payment. One
     * that is already a token in today's queue is not moved: its token would have to move too.
     *
     * @param durationMinutes null: one slot of the doctor's session
     */
    @Transactional
    public Appointment reschedule(UUID appointmentId, Instant startsAt, Integer durationMinutes) {
        Appointment current = appointments.findForUpdate(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (!current.status().holdsTime()) {
            throw new IllegalTransitionException("appointment", appointmentId, current.status().name(), "reschedule");
        }
        if (current.tokenId() != null) {
            throw new BusinessRuleException("appointment-in-queue", "Appointment already in the queue",
                    "Appointment " + appointmentId + " is already token " + current.tokenId() + " in today's queue",
                    Map.of("field", "startTime"));
        }
        Instant endsAt = bookableEnd(doctors.require(current.doctorId()), startsAt, durationMinutes);
        appointments.move(appointmentId, startsAt, endsAt);
        try (LogContext ignored = LogContext.doctor(current.doctorId())) {
            log.info("Appointment {} moved to {}", appointmentId, startsAt);
        }
        Appointment moved = require(appointmentId);
        events.rescheduled(moved, current.startsAt());
        return moved;
    }

    @Transactional(readOnly = true)
    public Appointment require(UUID appointmentId) {
        return appointments.find(appointmentId).orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }

    /** Whose appointment it is, for the audit trail. */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID appointmentId) {
        return appointments.find(appointmentId).map(Appointment::patientId);
    }

    /** Only a committed cancellation closes the link: a rolled-back one leaves the hold payable. */
    private void cancelAtRazorpayOnceCommitted(String providerLinkId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                razorpay.cancel(providerLinkId);
            }
        });
    }

    /** When a booking of the doctor from {@code start} ends, refused unless the doctor can be booked for all of it. */
    private Instant bookableEnd(Doctor doctor, Instant start, Integer durationMinutes) {
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("startTime", "must be in the future");
        }
        Session session = sessionStartingSlotAt(doctor, start);
        int minutes = durationMinutes != null ? durationMinutes : session.slotMinutes();
        Instant endsAt = start.plus(minutes, ChronoUnit.MINUTES);
        if (!session.fits(start, endsAt)) {
            throw new InvalidInputException("durationMinutes", "runs past the end of the doctor's session or into a break");
        }
        if (!exceptions.absences(doctor.doctorId(), start, endsAt).isEmpty()) {
            throw new BusinessRuleException("doctor-away", "Doctor away",
                    "The doctor is away for some of this time", Map.of("field", "startTime"));
        }
        holds.releaseLapsedOf(doctor.doctorId());
        return endsAt;
    }

    /** The doctor's session that has a slot starting at {@code start} (the FHIR holds use it too). */
    Session sessionStartingSlotAt(Doctor doctor, Instant start) {
        LocalDate day = start.atZone(hospitals.require(doctor.hospitalId()).zone()).toLocalDate();
        return sessions.of(doctor.doctorId(), day, day).stream()
                .filter(s -> s.slots().stream().anyMatch(slot -> slot.start().equals(start)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("startTime", "is not the start of a slot in the doctor's schedule"));
    }
}
