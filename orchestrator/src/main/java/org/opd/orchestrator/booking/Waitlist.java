package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.DuplicateException;
import org.opd.orchestrator.error.IllegalTransitionException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.patient.PatientRepository;
import org.opd.orchestrator.schedule.BookableSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's waitlist for a day: patients join it (or the desk adds them) when no slot is free, and
 * {@link WaitlistOffers} offers them, first joined first, the slots that free up that day.
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

    private final WaitlistRepository entries;
    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final HospitalRepository hospitals;
    private final BookableSessions sessions;
    private final Clock clock;

    Waitlist(WaitlistRepository entries, DoctorRepository doctors, PatientRepository patients, HospitalRepository hospitals,
             BookableSessions sessions, Clock clock) {
        this.entries = entries;
        this.doctors = doctors;
        this.patients = patients;
        this.hospitals = hospitals;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Puts the patient on the doctor's list for the day, behind those already on it. Only for a day ahead or
     * today on which the doctor works; once per patient, doctor and day.
     */
    @Transactional
    public WaitlistEntry join(UUID doctorId, UUID patientId, LocalDate day, UUID joinedBy) {
        Doctor doctor = doctors.require(doctorId);
        if (!patients.require(patientId).hospitalId().equals(doctor.hospitalId())) {
            throw new OtherHospitalException("Patient " + patientId + " is registered in another hospital than the doctor", "patientId");
        }
        ZoneId zone = hospitals.require(doctor.hospitalId()).zone();
        if (day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("date", "must be today or later");
        }
        if (sessions.of(doctorId, day, day).isEmpty()) {
            throw new InvalidInputException("date", "is not a day the doctor sees patients");
        }
        UUID entryId = entries.insert(doctorId, patientId, day, joinedBy).orElseThrow(() -> new DuplicateException("patientId",
                "Patient " + patientId + " is on this doctor's waitlist for " + day + " already"));
        try (LogContext ignored = LogContext.doctor(doctorId)) {
            log.info("Waitlist entry {} for {}", entryId, day);
        }
        return require(entryId);
    }

    @Transactional(readOnly = true)
    public List<WaitlistEntry> of(UUID doctorId, LocalDate day) {
        doctors.require(doctorId);
        return entries.ofDay(doctorId, day);
    }

    @Transactional(readOnly = true)
    public WaitlistEntry require(UUID entryId) {
        return entries.find(entryId).orElseThrow(() -> new NotFoundException("waitlist entry", entryId));
    }

    /** Whose entry it is, for the audit trail. */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID entryId) {
        return entries.find(entryId).map(WaitlistEntry::patientId);
    }

    /** Takes the patient off the list; a slot offered to them stays held until it lapses or is cancelled. */
    @Transactional
    public void leave(UUID entryId) {
        WaitlistEntry entry = require(entryId);
        if (!entries.leave(entryId)) {
            throw new IllegalTransitionException("waitlist entry", entryId, entry.status().name(), "leave");
        }
        try (LogContext ignored = LogContext.doctor(entry.doctorId())) {
            log.info("Waitlist entry {} left the list", entryId);
        }
    }
}
