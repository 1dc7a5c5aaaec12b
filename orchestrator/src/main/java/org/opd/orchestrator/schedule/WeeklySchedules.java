package org.opd.orchestrator.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.cabin.CabinRepository;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.shift.ShiftBreak;
import org.opd.orchestrator.shift.ShiftBreaks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps doctors' weekly schedules: each week replaced as a whole, checked before anything is stored. */
@Service
public class WeeklySchedules {

    private final WeeklyScheduleRepository schedules;
    private final DoctorRepository doctors;
    private final CabinRepository cabins;
    private final DepartmentRepository departments;

    WeeklySchedules(WeeklyScheduleRepository schedules, DoctorRepository doctors, CabinRepository cabins,
                    DepartmentRepository departments) {
        this.schedules = schedules;
        this.doctors = doctors;
        this.cabins = cabins;
        this.departments = departments;
    }

    @Transactional
    public WeeklySchedule replace(UUID doctorId, List<ScheduleDay> days) {
        Doctor doctor = doctors.require(doctorId);
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        List<ScheduleDay> checked = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            ScheduleDay day = days.get(i);
            String field = "days[" + i + "]";
            if (!seen.add(day.dayOfWeek())) {
                throw new InvalidInputException(field + ".dayOfWeek", "appears twice; a weekday has one session");
            }
            List<ShiftBreak> breaks = ShiftBreaks.checked(day.plannedBreaks(), day.startTime(), day.endTime(),
                    field + ".plannedBreaks");
            UUID deptId = cabins.require(day.cabinId()).deptId();
            if (!departments.require(deptId).hospitalId().equals(doctor.hospitalId())) {
                throw new OtherHospitalException("Cabin " + day.cabinId() + " is in another hospital than the doctor", field + ".cabinId");
            }
            checked.add(new ScheduleDay(day.dayOfWeek(), day.cabinId(), day.startTime(), day.endTime(), day.slotMinutes(),
                    day.plannedTokens(), breaks));
        }
        schedules.lockForPlanning(doctorId);
        schedules.replace(new WeeklySchedule(doctorId, checked));
        return schedules.find(doctorId);
    }

    /** An empty week when none was set. */
    @Transactional(readOnly = true)
    public WeeklySchedule of(UUID doctorId) {
        doctors.requireExists(doctorId);
        return schedules.find(doctorId);
    }
}
