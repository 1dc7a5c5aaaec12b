package org.opd.orchestrator.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.directory.DirectoryEntry;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.specialty.Specialty;
import org.opd.orchestrator.status.PatientStatus;

/**
 * What the conversation asks the rest of the system: every answer it gives comes from here (the
 * specialties, the directory, free slots, bookings, the phone's sign-in code, today's queue), never
 * from the conversation itself. {@link SystemDesk} is the one implementation.
 */
public interface Desk {

    /** The specialties of the hospital's doctors who have a free slot within {@code days}, by English name. */
    List<Specialty> specialtiesWithFreeSlots(UUID hospitalId, int days);

    /** The hospital's doctors of the specialty with a free slot within {@code days}, soonest first. */
    List<DirectoryEntry> doctorsWithFreeSlots(UUID hospitalId, String specialtySlug, int days);

    /** @param from, to the hospital's local days, both included */
    List<AvailableSlot> freeSlots(UUID doctorId, LocalDate from, LocalDate to);

    String doctorName(UUID doctorId);

    /** Empty: the doctor is booked free. */
    Optional<BookingFee> fee(UUID doctorId);

    /**
     * Books one slot of the doctor for the patient: confirmed at once when free, else held behind a payment link.
     *
     * @throws ProblemException when it cannot be booked (taken meanwhile, in the past, payments unavailable)
     */
    Appointment book(UUID doctorId, UUID patientId, Instant start, UUID sessionId);

    Appointment appointment(UUID appointmentId);

    void cancel(UUID appointmentId);

    /** Sends the phone a sign-in code by SMS if a patient has it; false when too many were asked for lately. */
    boolean sendCode(UUID hospitalId, String phone, UUID sessionId);

    /** The patients registered with the phone when the code is right; empty when it is not. */
    List<UUID> verifyCode(UUID hospitalId, String phone, String code);

    String patientName(UUID patientId);

    /** The patient's token of today that is not over yet, as their status page shows it. */
    Optional<PatientStatus> todaysVisit(UUID hospitalId, UUID patientId);
}
