package org.opd.orchestrator.department;

import java.sql.ResultSet;
import java.sql.SQLException;
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
public class DepartmentRepository {

    private static final StatusUpdate STATUS = new StatusUpdate("departments", "dept_id", "department", true);

    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            "departments_hospital_id_code_key",
            new UniqueConstraints.Field("code", "The hospital already has a department with this code")));

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Department create(UUID hospitalId, NewDepartment department) {
        try {
            return Insert.into("departments")
                    .value("hospital_id", hospitalId)
                    .value("name", department.name())
                    .value("code", department.code())
                    .value("avg_consultation_time", department.avgConsultationMinutes())
                    .valueOrDefault("buffer_time", department.bufferMinutes())
                    .valueOrDefault("max_tokens_per_day", department.maxTokensPerDay())
                    .valueOrDefault("color_code", department.colorCode())
                    .valueOrDefault("priority_level", department.priorityLevel())
                    .returning(jdbc, DepartmentRepository::map);
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        }
    }

    public Optional<Department> find(UUID deptId) {
        return jdbc.sql("SELECT * FROM departments WHERE dept_id = :id").param("id", deptId)
                .query(DepartmentRepository::map).optional();
    }

    public Department require(UUID deptId) {
        return find(deptId).orElseThrow(() -> new NotFoundException("department", deptId));
    }

    Page<Department> page(UUID hospitalId, DepartmentStatus status, PageRequest page) {
        Where where = new Where()
                .is("hospital_id = :hospitalId", "hospitalId", hospitalId)
                .optional("status = :status", "status", status == null ? null : status.name());
        return PagedSelect.run(jdbc, "SELECT *", "FROM departments", where, "code, dept_id", DepartmentRepository::map, page);
    }

    Department updateSettings(UUID deptId, DepartmentSettings settings) {
        return jdbc.sql("""
                        UPDATE departments
                        SET name = :name, avg_consultation_time = :avg, buffer_time = :buffer, max_tokens_per_day = :max,
                            color_code = :color, priority_level = :priority, updated_at = now()
                        WHERE dept_id = :id
                        RETURNING *
                        """)
                .param("name", settings.name())
                .param("avg", settings.avgConsultationMinutes())
                .param("buffer", settings.bufferMinutes())
                .param("max", settings.maxTokensPerDay())
                .param("color", settings.colorCode())
                .param("priority", settings.priorityLevel())
                .param("id", deptId)
                .query(DepartmentRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("department", deptId));
    }

    Department updateStatus(UUID deptId, DepartmentStatus status) {
        return STATUS.apply(jdbc, deptId, status, DepartmentRepository::map);
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(
                Sql.uuid(rs, "dept_id"),
                Sql.uuid(rs, "hospital_id"),
                rs.getString("name"),
                rs.getString("code"),
                rs.getInt("avg_consultation_time"),
                rs.getInt("buffer_time"),
                rs.getInt("max_tokens_per_day"),
                rs.getString("color_code"),
                rs.getInt("priority_level"),
                rs.getString("status"));
    }
}
