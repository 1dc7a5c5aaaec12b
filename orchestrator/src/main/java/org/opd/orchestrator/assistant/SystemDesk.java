package org.opd.orchestrator.assistant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.AvailableSlots;
import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.booking.BookingFees;
import org.opd.orchestrator.booking.Bookings;
import org.opd.orchestrator.booking.NewAppointment;
import org.opd.orchestrator.directory.DirectoryEntry;
import org.opd.orchestrator.directory.DoctorDirectory;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.identity.otp.InvalidOneTimeCodeException;
import org.opd.orchestrator.identity.otp.OneTimeCodes;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.patient.PatientService;
import org.opd.orchestrator.specialty.Specialty;
import org.opd.orchestrator.status.PatientStatus;
import org.opd.orchestrator.status.PatientStatuses;
import org.opd.orchestrator.token.TokenFilter;
import org.opd.orchestrator.token.TokenQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Desk} over the orchestrator's own services: the same specialties, directory, free slots,
 * bookings, sign-in codes and status as the API. What changes something (a booking, a cancellation, a
 * code sent) runs in a transaction of its own, so that a refusal (the slot taken, too many codes) is an
 * answer to the patient and does not undo the conversation's own step.
 */
@Component
class SystemDesk implements Desk {

    /** What the assistant writes as the appointment's reason. */
    static final String REASON = "Booked on WhatsApp";
    /** A directory page large enough for any specialty of one hospital; the conversation pages its own list. */
    private static final PageRequest ALL_DOCTORS = new PageRequest(0, 100);
    private static final PageRequest TODAYS_TOKENS = new PageRequest(0, 20);

    private final DoctorDirectory directory;
    private final AvailableSlots slots;
    private final DoctorRepository doctors;
    private final BookingFees fees;
    private final Bookings bookings;
    private final OneTimeCodes codes;
    private final PatientService patients;
    private final HospitalRepository hospitals;
    private final TokenQueries tokens;
    private final PatientStatuses statuses;
    private final TransactionTemplate own;
    private final Clock clock;

    SystemDesk(DoctorDirectory directory, AvailableSlots slots, DoctorRepository doctors,
               BookingFees fees, Bookings bookings, OneTimeCodes codes, PatientService patients, HospitalRepository hospitals,
               TokenQueries tokens, PatientStatuses statuses, PlatformTransactionManager transactions, Clock clock) {
        this.directory = directory;
        this.slots = slots;
        this.doctors = doctors;
        this.fees = fees;
        this.bookings = bookings;
        this.codes = codes;
        this.patients = patients;
        this.hospitals = hospitals;
        this.tokens = tokens;
        this.statuses = statuses;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public List<Specialty> specialtiesWithFreeSlots(UUID hospitalId, int days) {
        return doctorsWithFreeSlots(hospitalId, null, days).stream()
                .map(DirectoryEntry::specialty)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.comparing(Specialty::nameEn))
                .toList();
    }

    @Override
    public List<DirectoryEntry> doctorsWithFreeSlots(UUID hospitalId, String specialtySlug, int days) {
        return directory.search(hospitalId, specialtySlug, null, days, true, ALL_DOCTORS).items();
    }

    @Override
    public List<AvailableSlot> freeSlots(UUID doctorId, LocalDate from, LocalDate to) {
        return slots.of(doctorId, from, to);
    }

    @Override
    public String doctorName(UUID doctorId) {
        return doctors.require(doctorId).name();
    }

    @Override
    public Optional<BookingFee> fee(UUID doctorId) {
        return fees.of(doctorId);
    }

    @Override
    public Appointment book(UUID doctorId, UUID patientId, Instant start, UUID sessionId) {
        return own.execute(tx -> bookings.book(
                new NewAppointment(doctorId, patientId, start, null, AppointmentType.CONSULTATION, REASON), sessionId));
    }

    @Override
    public Appointment appointment(UUID appointmentId) {
        return bookings.require(appointmentId);
    }

    @Override
    public void cancel(UUID appointmentId) {
        own.executeWithoutResult(tx -> bookings.cancel(appointmentId, "Cancelled by the patient on WhatsApp"));
    }

    @Override
    public boolean sendCode(UUID hospitalId, String phone, UUID sessionId) {
        try {
            // The per-address limit counts this conversation as the address asking.
            own.executeWithoutResult(tx -> codes.issue(hospitalId, phone, "whatsapp:" + sessionId));
            return true;
        } catch (TooManyRequestsException e) {
            return false;
        }
    }

    @Override
    public List<UUID> verifyCode(UUID hospitalId, String phone, String code) {
        try {
            return codes.verify(hospitalId, phone, code);
        } catch (InvalidOneTimeCodeException e) {
            return List.of();
        }
    }

    @Override
    public String patientName(UUID patientId) {
        return patients.require(patientId).name();
    }

    @Override
    public Optional<PatientStatus> todaysVisit(UUID hospitalId, UUID patientId) {
        LocalDate today = LocalDate.now(clock.withZone(hospitals.require(hospitalId).zone()));
        return tokens.list(new TokenFilter(hospitalId, null, null, patientId, null, today), TODAYS_TOKENS).items().stream()
                .filter(loaded -> !loaded.token().status().isFinal())
                .findFirst()
                .map(loaded -> statuses.read(loaded.token().booking().tokenId()).status());
    }
}
