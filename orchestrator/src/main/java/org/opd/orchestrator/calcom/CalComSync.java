package org.opd.orchestrator.calcom;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.booking.Bookings;
import org.opd.orchestrator.booking.NewAppointment;
import org.opd.orchestrator.calcom.CalComRepository.MappedDoctor;
import org.opd.orchestrator.patient.ExternalPatients;
import org.opd.orchestrator.patient.NewPatient;
import org.opd.orchestrator.patient.Patient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one Cal.com booking change to the appointment that mirrors it, through the booking module's
 * own service (slots, sessions, absences and the no-overlap constraint all apply), in the caller's
 * transaction. A change that does not fit throws {@link BookingMismatch}; a change already applied
 * (a replay: the appointment already has the uid, the time, the status) changes nothing.
 */
@Component
class CalComSync {

    static final String REASON = "Booked through Cal.com";
    private static final String CANCELLED_REASON = "Cancelled in Cal.com";
    private static final int MAX_UHID = 50;

    /** What a delivery did, and to which appointment (null when nothing was booked). */
    record Applied(Outcome outcome, UUID appointmentId) {
    }

    enum Outcome { CREATED, RESCHEDULED, CANCELLED, ALREADY_APPLIED, IGNORED }

    private final CalComRepository calCom;
    private final Bookings bookings;
    private final ExternalPatients patients;

    CalComSync(CalComRepository calCom, Bookings bookings, ExternalPatients patients) {
        this.calCom = calCom;
        this.bookings = bookings;
        this.patients = patients;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Applied apply(UUID hospitalId, CalComBooking booking) {
        return booking.known().map(trigger -> switch (trigger) {
            case BOOKING_CREATED -> create(hospitalId, booking);
            case BOOKING_RESCHEDULED -> reschedule(hospitalId, booking);
            case BOOKING_CANCELLED -> cancel(hospitalId, booking);
        }).orElse(new Applied(Outcome.IGNORED, null));
    }

    private Applied create(UUID hospitalId, CalComBooking booking) {
        calCom.lockBooking(hospitalId, booking.uid());
        UUID existing = calCom.appointmentOf(hospitalId, booking.uid()).orElse(null);
        if (existing != null) {
            return new Applied(Outcome.ALREADY_APPLIED, existing);
        }
        MappedDoctor doctor = doctorOf(hospitalId, booking);
        requireTimes(booking);
        String phone = patients.normalisedPhone(booking.attendeePhone()).orElseThrow(() -> new BookingMismatch(
                "NO_ATTENDEE_PHONE", "The attendee gave no phone number that can be read; add a phone question to the event type"));
        Patient patient = patients.withPhoneAndName(hospitalId, phone, booking.attendeeName())
                .orElseGet(() -> patients.register(hospitalId, newPatient(booking, phone)));
        Appointment booked = bookings.bookConfirmed(new NewAppointment(doctor.doctorId(), patient.patientId(), booking.startTime(),
                minutes(booking), AppointmentType.CONSULTATION, booking.notes() != null ? booking.notes() : REASON), null);
        calCom.link(booked.appointmentId(), booking.uid(), booking.bookingId());
        return new Applied(Outcome.CREATED, booked.appointmentId());
    }

    private Applied reschedule(UUID hospitalId, CalComBooking booking) {
        calCom.lockBooking(hospitalId, booking.originalUid());
        UUID underNewUid = calCom.appointmentOf(hospitalId, booking.uid()).orElse(null);
        UUID appointmentId = underNewUid != null ? underNewUid : calCom.appointmentOf(hospitalId, booking.originalUid())
                .orElseThrow(() -> new BookingMismatch("UNKNOWN_BOOKING",
                        "No appointment mirrors Cal.com booking " + booking.originalUid() + " (its creation was never applied)"));
        requireTimes(booking);
        Appointment current = bookings.require(appointmentId);
        boolean sameTime = current.startsAt().equals(booking.startTime()) && current.endsAt().equals(booking.endTime());
        if (underNewUid != null && sameTime) {
            return new Applied(Outcome.ALREADY_APPLIED, appointmentId);
        }
        if (!sameTime) {
            bookings.reschedule(appointmentId, booking.startTime(), minutes(booking));
        }
        calCom.link(appointmentId, booking.uid(), booking.bookingId());
        return new Applied(Outcome.RESCHEDULED, appointmentId);
    }

    private Applied cancel(UUID hospitalId, CalComBooking booking) {
        calCom.lockBooking(hospitalId, booking.uid());
        UUID appointmentId = calCom.appointmentOf(hospitalId, booking.uid())
                .orElseThrow(() -> new BookingMismatch("UNKNOWN_BOOKING",
                        "No appointment mirrors Cal.com booking " + booking.uid()));
        if (bookings.require(appointmentId).status() == AppointmentStatus.CANCELLED) {
            return new Applied(Outcome.ALREADY_APPLIED, appointmentId);
        }
        bookings.cancel(appointmentId, booking.cancellationReason() != null ? booking.cancellationReason() : CANCELLED_REASON);
        return new Applied(Outcome.CANCELLED, appointmentId);
    }

    private MappedDoctor doctorOf(UUID hospitalId, CalComBooking booking) {
        if (booking.organizerId() == null) {
            throw new BookingMismatch("UNKNOWN_DOCTOR", "The booking names no organizer");
        }
        MappedDoctor doctor = calCom.doctorOf(hospitalId, booking.organizerId()).orElseThrow(() -> new BookingMismatch(
                "UNKNOWN_DOCTOR", "No doctor of the hospital is Cal.com user " + booking.organizerId()));
        if (doctor.eventTypeId() != null && !Objects.equals(doctor.eventTypeId(), booking.eventTypeId())) {
            throw new BookingMismatch("UNKNOWN_EVENT_TYPE", "Event type " + booking.eventTypeId() + " is not the one doctor "
                    + doctor.doctorId() + " is booked under (" + doctor.eventTypeId() + ")");
        }
        return doctor;
    }

    private static void requireTimes(CalComBooking booking) {
        if (booking.startTime() == null || booking.endTime() == null || !booking.endTime().isAfter(booking.startTime())) {
            throw new BookingMismatch("NOT_BOOKABLE", "The booking has no start and end time, or ends before it starts");
        }
    }

    private static int minutes(CalComBooking booking) {
        return Math.toIntExact(Duration.between(booking.startTime(), booking.endTime()).toMinutes());
    }

    private static NewPatient newPatient(CalComBooking booking, String phone) {
        String uhid = ("CAL-" + booking.uid());
        return new NewPatient(uhid.length() > MAX_UHID ? uhid.substring(0, MAX_UHID) : uhid,
                booking.attendeeName() != null ? booking.attendeeName() : "Cal.com attendee", phone,
                booking.attendeeEmail(), null, null, null, null, null, null);
    }
}
