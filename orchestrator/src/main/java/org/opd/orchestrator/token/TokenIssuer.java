package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.patient.Patient;
import org.opd.orchestrator.patient.PatientRepository;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues tokens. Only an ACTIVE doctor of an ACTIVE department gets them. The cabin comes from
 * the doctor's shift on the scheduled day (in the hospital's time zone); the shift holds at most
 * the doctor's {@code max_tokens_per_session} (its row is locked while counting, so concurrent
 * issues cannot overfill it); the number comes from the cabin's department and that day.
 */
@Service
public class TokenIssuer {


    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final HospitalRepository hospitals;
    private final ShiftRepository shifts;
    private final DepartmentRepository departments;
    private final TokenNumbers numbers;
    private final TokenRepository tokens;
    private final TokenChangeRecorder recorder;
    private final Clock clock;

    TokenIssuer(DoctorRepository doctors, PatientRepository patients, HospitalRepository hospitals,
                ShiftRepository shifts, DepartmentRepository departments, TokenNumbers numbers, TokenRepository tokens,
                TokenChangeRecorder recorder, Clock clock) {
        this.doctors = doctors;
        this.patients = patients;
        this.hospitals = hospitals;
        this.shifts = shifts;
        this.departments = departments;
        this.numbers = numbers;
        this.tokens = tokens;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @param changedBy the staff member issuing; null when unknown (a patient booking online) */
    @Transactional
    public LoadedToken issue(IssueToken request, UUID changedBy) {
        return issue(UUID.randomUUID(), request, null, changedBy);
    }

    /** Issues the token with the given id, replacing {@code rescheduledFrom} when that is not null. */
    @Transactional(propagation = Propagation.MANDATORY)
    LoadedToken issue(UUID tokenId, IssueToken request, UUID rescheduledFrom, UUID changedBy) {
        Doctor doctor = doctors.require(request.doctorId());
        ActiveDoctors.require(doctor);
        Patient patient = patients.require(request.patientId());
        if (!patient.hospitalId().equals(doctor.hospitalId())) {
            throw new OtherHospitalException("Patient " + patient.patientId() + " is registered at another hospital than the doctor", "patientId");
        }
        Hospital hospital = hospitals.require(doctor.hospitalId());
        ZonedDateTime scheduled = request.scheduledTime().atZone(hospital.zone());
        Shift shift = shifts.findServing(doctor.doctorId(), scheduled.toLocalDate(), scheduled.toLocalTime())
                .orElseThrow(() -> new BusinessRuleException("no-shift", "No shift",
                        "Doctor " + doctor.doctorId() + " has no shift on " + scheduled.toLocalDate()
                                + " that is still on at " + scheduled.toLocalTime(),
                        Map.of("field", "scheduledTime")));
        Department department = departments.require(shift.deptId());
        ActiveDepartments.require(department, "doctorId");
        shifts.lockForIssuing(shift.assignmentId());
        if (tokens.countHoldingAPlace(shift.assignmentId()) >= doctor.maxTokensPerSession()) {
            throw new SessionTokenLimitReachedException(doctor.doctorId(), shift.assignmentId(),
                    doctor.maxTokensPerSession());
        }

        TokenBooking booking = new TokenBooking(tokenId, numbers.next(department, scheduled.toLocalDate()),
                patient.patientId(), doctor.doctorId(), department.deptId(), shift.cabinId(), hospital.hospitalId(),
                request.bookingType(), request.priority(), request.scheduledTime(), scheduled.toLocalDate(),
                request.visitReason(), shift.assignmentId(), rescheduledFrom);
        Token token = Token.issue(booking, clock.instant());
        tokens.insert(token);
        TokenContext context = new TokenContext(hospital.zone(), hospital.geofence(), doctor.avgConsultationMinutes(),
                department.bufferMinutes());
        recorder.record(token, context, changedBy);
        return new LoadedToken(token, context);
    }
}
