package org.opd.orchestrator.screen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A department's display as it stands now: who serves it today, in which cabin, and their queues. */
@Service
public class DepartmentBoards {

    private final DepartmentRepository departments;
    private final HospitalRepository hospitals;
    private final DoctorRepository doctors;
    private final ScreenQueues queues;
    private final JdbcClient jdbc;
    private final Clock clock;

    DepartmentBoards(DepartmentRepository departments, HospitalRepository hospitals, DoctorRepository doctors,
                     ScreenQueues queues, JdbcClient jdbc, Clock clock) {
        this.departments = departments;
        this.hospitals = hospitals;
        this.doctors = doctors;
        this.queues = queues;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public DepartmentBoard read(UUID deptId) {
        Department department = departments.require(deptId);
        Hospital hospital = hospitals.require(department.hospitalId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), hospital.zone());
        List<DepartmentBoard.Cabin> cabins = doctors.idsServingDepartment(deptId, today).stream()
                .map(doctorId -> cabin(doctorId, today))
                .toList();
        return new DepartmentBoard(deptId, hospital.hospitalId(), department.name(), department.code(),
                department.colorCode(), hospital.zone().getId(), cabins);
    }

    private DepartmentBoard.Cabin cabin(UUID doctorId, LocalDate today) {
        // The doctor's first shift of the day that is not cancelled or over names the cabin, as issuing does.
        String cabinNumber = jdbc.sql("""
                        SELECT c.cabin_number FROM cabin_doctors cd JOIN cabins c ON c.cabin_id = cd.cabin_id
                        WHERE cd.doctor_id = :doctorId AND cd.shift_date = :day AND cd.status IN ('SCHEDULED', 'ACTIVE')
                        ORDER BY cd.shift_start_time LIMIT 1
                        """)
                .param("doctorId", doctorId).param("day", today)
                .query(String.class).optional().orElse(null);
        return new DepartmentBoard.Cabin(doctorId, doctors.require(doctorId).name(), cabinNumber, queues.read(doctorId));
    }
}
