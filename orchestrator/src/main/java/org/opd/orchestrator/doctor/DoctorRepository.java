package org.opd.orchestrator.doctor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.StatusUpdate;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.jdbc.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DoctorRepository {

    private static final StatusUpdate STATUS = new StatusUpdate("doctors", "doctor_id", "doctor", true);

    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            "doctors_emp_code_key", new UniqueConstraints.Field("empCode", "A doctor with this employee code exists"),
            "doctors_email_key", new UniqueConstraints.Field("email", "A doctor with this email exists")));

    private final JdbcClient jdbc;

    DoctorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Doctor create(UUID hospitalId, NewDoctor doctor) {
        try {
            return Insert.into("doctors")
                    .value("hospital_id", hospitalId)
                    .value("emp_code", doctor.empCode())
                    .value("name", doctor.name())
                    .value("specialization", doctor.specialization())
                    .value("primary_dept_id", doctor.primaryDeptId())
                    .value("phone", doctor.phone())
                    .value("email", doctor.email())
                    .valueOrDefault("avg_consultation_time", doctor.avgConsultationMinutes())
                    .valueOrDefault("max_tokens_per_session", doctor.maxTokensPerSession())
                    .returning(jdbc, DoctorRepository::map);
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        }
    }

    public Optional<Doctor> find(UUID doctorId) {
        return jdbc.sql("SELECT * FROM doctors WHERE doctor_id = :id").param("id", doctorId)
                .query(DoctorRepository::map).optional();
    }

    public Doctor require(UUID doctorId) {
        return find(doctorId).orElseThrow(() -> new NotFoundException("doctor", doctorId));
    }

    public void requireExists(UUID doctorId) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM doctors WHERE doctor_id = :id)").param("id", doctorId)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("doctor", doctorId);
        }
    }

    /**
     * The doctors who see the department's patients on the day: those on a shift (planned or
     * started) in one of its cabins, and those whose primary department it is, unless inactive.
     */
    public List<UUID> idsServingDepartment(UUID deptId, LocalDate day) {
        return jdbc.sql("""
                        SELECT d.doctor_id FROM doctors d
                        WHERE (d.primary_dept_id = :deptId AND d.status <> 'INACTIVE')
                           OR d.doctor_id IN (SELECT cd.doctor_id FROM cabin_doctors cd JOIN cabins c ON c.cabin_id = cd.cabin_id
                                              WHERE c.dept_id = :deptId AND cd.shift_date = :day
                                                AND cd.status IN ('SCHEDULED', 'ACTIVE'))
                        ORDER BY d.name, d.doctor_id
                        """)
                .param("deptId", deptId).param("day", day)
                .query(UUID.class).list();
    }

    /**
     * Locks the doctor's row until the transaction ends, so that decisions about the doctor's
     * cabin (who is called in next) are taken one at a time. NO KEY UPDATE does not block the
     * key-share locks that inserting the doctor's tokens takes.
     */
    public void lockForCalling(UUID doctorId) {
        jdbc.sql("SELECT doctor_id FROM doctors WHERE doctor_id = :id FOR NO KEY UPDATE").param("id", doctorId)
                .query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("doctor", doctorId));
    }

    Page<Doctor> page(UUID hospitalId, DutyStatus status, UUID deptId, String specialization, PageRequest page) {
        Where where = new Where()
                .is("hospital_id = :hospitalId", "hospitalId", hospitalId)
                .optional("status = :status", "status", status == null ? null : status.name())
                .optional("primary_dept_id = :deptId", "deptId", deptId)
                .optional("lower(specialization) = lower(:specialization)", "specialization", specialization);
        return PagedSelect.run(jdbc, "SELECT *", "FROM doctors", where, "emp_code, doctor_id", DoctorRepository::map, page);
    }

    Doctor updateSettings(UUID doctorId, DoctorSettings settings) {
        return jdbc.sql("""
                        UPDATE doctors
                        SET specialization = :specialization, avg_consultation_time = :avg,
                            max_tokens_per_session = :max, updated_at = now()
                        WHERE doctor_id = :id
                        RETURNING *
                        """)
                .param("specialization", settings.specialization())
                .param("avg", settings.avgConsultationMinutes())
                .param("max", settings.maxTokensPerSession())
                .param("id", doctorId)
                .query(DoctorRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("doctor", doctorId));
    }

    Doctor updateStatus(UUID doctorId, DutyStatus status) {
        return STATUS.apply(jdbc, doctorId, status, DoctorRepository::map);
    }

    private static Doctor map(ResultSet rs, int row) throws SQLException {
        return new Doctor(
                Sql.uuid(rs, "doctor_id"),
                Sql.uuid(rs, "hospital_id"),
                rs.getString("emp_code"),
                rs.getString("name"),
                rs.getString("specialization"),
                Sql.uuid(rs, "primary_dept_id"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getInt("avg_consultation_time"),
                rs.getInt("max_tokens_per_session"),
                rs.getString("status"));
    }
}
