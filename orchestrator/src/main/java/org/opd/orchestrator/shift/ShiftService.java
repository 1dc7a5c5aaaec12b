package org.opd.orchestrator.shift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.opd.orchestrator.cabin.Cabin;
import org.opd.orchestrator.cabin.CabinRepository;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.OtherHospitalException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.storage.TokenPartitions;
import org.opd.schemas.doctor.DoctorEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ShiftService {

    private static final Logger log = LoggerFactory.getLogger(ShiftService.class);

    private final DoctorRepository doctors;
    private final CabinRepository cabins;
    private final DepartmentRepository departments;
    private final ShiftRepository shifts;
    private final TokenPartitions partitions;
    private final ShiftEvents events;
    private final Clock clock;

    ShiftService(DoctorRepository doctors, CabinRepository cabins, DepartmentRepository departments,
                 ShiftRepository shifts, TokenPartitions partitions, ShiftEvents events, Clock clock) {
        this.doctors = doctors;
        this.cabins = cabins;
        this.departments = departments;
        this.shifts = shifts;
        this.partitions = partitions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Also makes sure the tokens of the shift's day have a partition to go to, however far ahead it is.
     * The shift goes out as SHIFT_SCHEDULED with its planned breaks.
     */
    @Transactional
    public Shift create(NewShift shift) {
        ShiftBreaks.checked(shift.plannedBreaks(), shift.shiftStartTime(), shift.shiftEndTime(), "plannedBreaks");
        partitions.ensureFor(shift.shiftDate());
        Doctor doctor = doctors.require(shift.doctorId());
        Cabin cabin = cabins.require(shift.cabinId());
        if (!departments.require(cabin.deptId()).hospitalId().equals(doctor.hospitalId())) {
            throw new OtherHospitalException("Cabin " + cabin.cabinId() + " is in another hospital than the doctor", "cabinId");
        }
        UUID assignmentId = shifts.create(shift);
        Shift created = shifts.find(assignmentId).orElseThrow(() -> new NotFoundException("shift", assignmentId));
        events.publish(created, DoctorEventType.SHIFT_SCHEDULED);
        return created;
    }

    @Transactional(readOnly = true)
    public Page<Shift> list(ShiftFilter filter, PageRequest page) {
        return shifts.page(filter, page);
    }

    /** Whether the doctor has any shift that day, a cancelled one included (it was called off on purpose). */
    @Transactional(readOnly = true)
    public boolean hasShiftOn(UUID doctorId, LocalDate date) {
        return shifts.existsOn(doctorId, date);
    }

    /** The doctor's shifts of the given local days, cancelled ones included, in time order. */
    @Transactional(readOnly = true)
    public List<Shift> ofDoctor(UUID doctorId, LocalDate from, LocalDate to) {
        return shifts.ofDoctor(doctorId, from, to);
    }

    @Transactional(readOnly = true)
    public Shift require(UUID assignmentId) {
        return shifts.find(assignmentId).orElseThrow(() -> new NotFoundException("shift", assignmentId));
    }

    @Transactional
    public Shift cancel(UUID assignmentId) {
        return move(assignmentId, Shift::cancel, DoctorEventType.SHIFT_CANCELLED);
    }

    @Transactional
    public Shift start(UUID assignmentId) {
        return move(assignmentId, shift -> shift.start(clock.instant()), DoctorEventType.SHIFT_STARTED);
    }

    @Transactional
    public Shift end(UUID assignmentId) {
        return move(assignmentId, shift -> shift.end(clock.instant()), DoctorEventType.SHIFT_ENDED);
    }

    private Shift move(UUID assignmentId, UnaryOperator<Shift> intention, DoctorEventType moved) {
        Shift after = intention.apply(shifts.requireForUpdate(assignmentId));
        shifts.update(after);
        events.publish(after, moved);
        try (LogContext ignored = LogContext.doctor(after.doctorId())) {
            log.info("Shift {}: {}", assignmentId, moved);
        }
        return after;
    }
}
