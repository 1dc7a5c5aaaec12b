package org.opd.orchestrator.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.stereotype.Service;

/** A department's live queue: who its doctors are today comes from PostgreSQL, their queues from Redis. */
@Service
public class DepartmentQueues {

    private final DepartmentRepository departments;
    private final HospitalRepository hospitals;
    private final DoctorRepository doctors;
    private final LiveQueueReader queues;
    private final Clock clock;

    DepartmentQueues(DepartmentRepository departments, HospitalRepository hospitals, DoctorRepository doctors,
                     LiveQueueReader queues, Clock clock) {
        this.departments = departments;
        this.hospitals = hospitals;
        this.doctors = doctors;
        this.queues = queues;
        this.clock = clock;
    }

    public DepartmentQueueView read(UUID deptId) {
        Department department = departments.require(deptId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), hospitals.require(department.hospitalId()).zone());
        return new DepartmentQueueView(deptId, queues.departmentWaitingCount(deptId),
                doctors.idsServingDepartment(deptId, today).stream().map(queues::doctorQueue).toList());
    }
}
