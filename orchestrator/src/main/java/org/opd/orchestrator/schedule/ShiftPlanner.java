package org.opd.orchestrator.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.shift.NewShift;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a doctor's shifts for a range of days from the weekly schedule. A day that already has a
 * shift (planned by hand, or cancelled on purpose) is left as it is, so planning twice plans nothing twice.
 */
@Service
public class ShiftPlanner {

    /** Two months: far enough for booking ahead, short enough for one transaction. */
    static final int MAX_DAYS = 62;

    private final WeeklyScheduleRepository schedules;
    private final ShiftService shifts;
    private final DoctorRepository doctors;
    private final HospitalRepository hospitals;
    private final Clock clock;

    ShiftPlanner(WeeklyScheduleRepository schedules, ShiftService shifts, DoctorRepository doctors,
                 HospitalRepository hospitals, Clock clock) {
        this.schedules = schedules;
        this.shifts = shifts;
        this.doctors = doctors;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** @param skipped the scheduled days that already had a shift */
    public record PlannedShifts(List<Shift> created, List<LocalDate> skipped) {
    }

    @Transactional
    public PlannedShifts plan(UUID doctorId, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(hospitals.require(doctors.require(doctorId).hospitalId()).zone()));
        if (from.isBefore(today)) {
            throw new InvalidInputException("from", "must not be before today (" + today + ") in the hospital");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "must be on or after from, at most " + MAX_DAYS + " days in all");
        }
        schedules.lockForPlanning(doctorId);
        WeeklySchedule schedule = schedules.find(doctorId);
        List<Shift> created = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            LocalDate day = date;
            schedule.on(day.getDayOfWeek()).ifPresent(session -> {
                if (shifts.hasShiftOn(doctorId, day)) {
                    skipped.add(day);
                } else {
                    created.add(shifts.create(new NewShift(session.cabinId(), doctorId, day, session.startTime(),
                            session.endTime(), session.plannedTokens(), session.plannedBreaks())));
                }
            });
        }
        return new PlannedShifts(created, skipped);
    }
}
