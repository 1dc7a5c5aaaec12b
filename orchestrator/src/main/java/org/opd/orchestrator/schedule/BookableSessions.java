package org.opd.orchestrator.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftService;
import org.opd.orchestrator.shift.ShiftStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions a doctor can be booked in: a day's planned shifts where it has any (a day whose
 * shifts are all cancelled has none), else the weekly schedule's session for that weekday. Slot
 * length comes from the schedule; a day planned by hand off-schedule takes the doctor's consultation
 * time, at least the 15 minutes an appointment lasts.
 */
@Service
public class BookableSessions {

    static final int MIN_SLOT_MINUTES = 15;

    private final WeeklyScheduleRepository schedules;
    private final ShiftService shifts;
    private final DoctorRepository doctors;
    private final HospitalRepository hospitals;

    BookableSessions(WeeklyScheduleRepository schedules, ShiftService shifts, DoctorRepository doctors,
                     HospitalRepository hospitals) {
        this.schedules = schedules;
        this.shifts = shifts;
        this.doctors = doctors;
        this.hospitals = hospitals;
    }

    /** @param from, to the hospital's local days, both included */
    @Transactional(readOnly = true)
    public List<Session> of(UUID doctorId, LocalDate from, LocalDate to) {
        Doctor doctor = doctors.require(doctorId);
        ZoneId zone = hospitals.require(doctor.hospitalId()).zone();
        WeeklySchedule schedule = schedules.find(doctorId);
        Map<LocalDate, List<Shift>> planned = shifts.ofDoctor(doctorId, from, to).stream()
                .collect(Collectors.groupingBy(Shift::shiftDate));
        int offSchedule = Math.max(MIN_SLOT_MINUTES, doctor.avgConsultationMinutes());
        List<Session> sessions = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            LocalDate day = date;
            List<Shift> ofDay = planned.get(day);
            if (ofDay == null) {
                schedule.on(day.getDayOfWeek()).ifPresent(s -> sessions.add(new Session(day, zone, s.cabinId(),
                        s.startTime(), s.endTime(), s.slotMinutes(), s.plannedBreaks())));
                continue;
            }
            int slotMinutes = schedule.on(day.getDayOfWeek()).map(ScheduleDay::slotMinutes).orElse(offSchedule);
            ofDay.stream().filter(s -> s.status() != ShiftStatus.CANCELLED && s.status() != ShiftStatus.COMPLETED)
                    .forEach(s -> sessions.add(new Session(day, zone, s.cabinId(), s.shiftStartTime(), s.shiftEndTime(),
                            slotMinutes, s.plannedBreaks())));
        }
        return sessions;
    }
}
