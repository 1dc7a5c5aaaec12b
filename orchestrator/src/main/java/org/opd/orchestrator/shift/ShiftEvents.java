package org.opd.orchestrator.shift;

import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.outbox.OutboxEvent;
import org.opd.orchestrator.outbox.OutboxWriter;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.kafka.Topics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends a shift's change to the outbox as a {@link DoctorEvent} (keyed by doctor id), in the
 * transaction that stores the change; each event carries the whole shift with its planned breaks,
 * so a consumer never needs an earlier one to know the plan.
 */
@Component
class ShiftEvents {

    private final DoctorRepository doctors;
    private final DepartmentRepository departments;
    private final OutboxWriter outbox;
    private final Clock clock;

    ShiftEvents(DoctorRepository doctors, DepartmentRepository departments, OutboxWriter outbox, Clock clock) {
        this.doctors = doctors;
        this.departments = departments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(Shift shift, DoctorEventType type) {
        UUID eventId = UUID.randomUUID();
        DoctorEvent event = new DoctorEvent(DoctorEvent.SCHEMA_VERSION, eventId, type, clock.instant(),
                shift.doctorId(), shift.deptId(), shift.hospitalId(), shift.cabinId(), shift.assignmentId(),
                shift.shiftDate(), shift.plannedStart(), shift.plannedEnd(), shift.actualStartTime(),
                shift.actualEndTime(), null, doctors.require(shift.doctorId()).avgConsultationMinutes(),
                departments.require(shift.deptId()).bufferMinutes(),
                shift.plannedBreaks().stream().map(b -> b.on(shift.shiftDate(), shift.zone())).toList());
        outbox.append(new OutboxEvent(eventId, Topics.DOCTOR_AGGREGATE, shift.doctorId().toString(), type.name(),
                DoctorEvent.SCHEMA_VERSION, event));
    }
}
