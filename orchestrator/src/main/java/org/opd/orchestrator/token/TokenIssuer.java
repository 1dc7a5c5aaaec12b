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
import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.patient.Patient;
import org.opd.orchestrator.patient.PatientRepository;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues tokens. The cabin comes from the doctor's shift on the scheduled day (in the hospital's
 * time zone), the number from the cabin's department and that day.
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

    @Transactional
    public LoadedToken issue(IssueToken request) {
        Doctor doctor = doctors.require(request.doctorId());
        Patient patient = patients.require(request.patientId());
        if (!patient.hospitalId().equals(doctor.hospitalId())) {
            throw new BusinessRuleException("other-hospital", "Belongs to another hospital",
                    "Patient " + patient.patientId() + " is registered at another hospital than the doctor",
                    Map.of("field", "patientId"));
        }
        Hospital hospital = hospitals.require(doctor.hospitalId());
        ZonedDateTime scheduled = request.scheduledTime().atZone(hospital.zone());
        Shift shift = shifts.findServing(doctor.doctorId(), scheduled.toLocalDate(), scheduled.toLocalTime())
                .orElseThrow(() -> new BusinessRuleException("no-shift", "No shift",
                        "Doctor " + doctor.doctorId() + " has no shift on " + scheduled.toLocalDate()
                                + " that is still on at " + scheduled.toLocalTime(),
                        Map.of("field", "scheduledTime")));
        Department department = departments.require(shift.deptId());

        TokenBooking booking = new TokenBooking(UUID.randomUUID(), numbers.next(department, scheduled.toLocalDate()),
                patient.patientId(), doctor.doctorId(), department.deptId(), shift.cabinId(), hospital.hospitalId(),
                request.bookingType(), request.priority(), request.scheduledTime(), scheduled.toLocalDate(),
                request.visitReason());
        Token token = Token.issue(booking, clock.instant());
        tokens.insert(token);
        TokenContext context = new TokenContext(hospital.zone(), hospital.geofence(), doctor.avgConsultationMinutes(),
                department.bufferMinutes());
        recorder.record(token, context);
        return new LoadedToken(token, context);
    }
}
