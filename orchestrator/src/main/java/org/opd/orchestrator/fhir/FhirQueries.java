package org.opd.orchestrator.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads behind the FHIR resources, one query per search, over the tables the API keeps (read-only).
 * Each search is limited by the caller's {@link Scope} in SQL, pages with LIMIT / OFFSET and counts its
 * total in the same query.
 */
@Component
@Transactional(readOnly = true)
class FhirQueries {

    record DoctorRow(UUID doctorId, UUID hospitalId, String empCode, String name, String specialization, UUID deptId,
                     String deptCode, String deptName, String phone, String email, String status, ZoneId zone) {
    }

    record DepartmentRow(UUID deptId, UUID hospitalId, String hospitalName, String name, String code, String status,
                         List<UUID> cabinIds) {
    }

    record CabinRow(UUID cabinId, UUID deptId, UUID hospitalId, String hospitalName, String deptName, String cabinNumber,
                    Integer floor, String status, Double latitude, Double longitude) {
    }

    record PatientRow(UUID patientId, UUID hospitalId, String uhid, String name, String phone, String email,
                      LocalDate dateOfBirth, String gender) {
    }

    record AppointmentRow(Appointment appointment, UUID hospitalId, String doctorName, String deptCode, String deptName) {
    }

    record WeekDay(DayOfWeek day, UUID cabinId, String cabinNumber, LocalTime start, LocalTime end, int slotMinutes) {
    }

    record Page<T>(List<T> rows, int total) {
    }

    /** A WHERE clause built from the filters given. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where add(String clause, String name, Object value) {
            clauses.add(clause);
            params.put(name, value);
            return this;
        }

        Where add(String clause) {
            clauses.add(clause);
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }
    }

    private final JdbcClient jdbc;

    FhirQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ZoneId> hospitalZone(UUID hospitalId) {
        return jdbc.sql("SELECT timezone FROM hospitals WHERE hospital_id = :id").param("id", hospitalId)
                .query(String.class).optional().map(ZoneId::of);
    }

    // Practitioner: doctors.

    private static final String DOCTORS = """
            SELECT d.doctor_id, d.hospital_id, d.emp_code, d.name, d.specialization, d.primary_dept_id, d.phone, d.email, d.status,
                   dep.code AS dept_code, dep.name AS dept_name, h.timezone, count(*) OVER () AS total
            FROM doctors d JOIN hospitals h ON h.hospital_id = d.hospital_id
            LEFT JOIN departments dep ON dep.dept_id = d.primary_dept_id""";

    Optional<DoctorRow> doctor(UUID doctorId) {
        return jdbc.sql(DOCTORS + " WHERE d.doctor_id = :id").param("id", doctorId).query(FhirQueries::doctorRow).optional();
    }

    /**
     * @param name       a part of the name, any case; null: any
     * @param empCode    the employee code exactly; null: any
     * @param deptCodes  the department codes (any of them); null: any
     * @param active     null: any status
     */
    Page<DoctorRow> doctors(Scope scope, UUID doctorId, String name, String empCode, Collection<String> deptCodes, Boolean active,
                            int limit, int offset) {
        Where where = new Where();
        if (scope.hospitalId() != null) {
            where.add("d.hospital_id = :hospital", "hospital", scope.hospitalId());
        }
        if (doctorId != null) {
            where.add("d.doctor_id = :id", "id", doctorId);
        }
        if (name != null) {
            where.add("d.name ILIKE :name", "name", "%" + like(name) + "%");
        }
        if (empCode != null) {
            where.add("d.emp_code = :emp", "emp", empCode);
        }
        if (deptCodes != null) {
            where.add("dep.code IN (:codes)", "codes", deptCodes);
        }
        if (active != null) {
            where.add(active ? "d.status <> 'INACTIVE'" : "d.status = 'INACTIVE'");
        }
        return page(DOCTORS + where.sql() + " ORDER BY d.name, d.doctor_id", where, limit, offset, FhirQueries::doctorRow);
    }

    // HealthcareService: departments.

    private static final String DEPARTMENTS = """
            SELECT dep.dept_id, dep.hospital_id, h.name AS hospital_name, dep.name, dep.code, dep.status,
                   ARRAY(SELECT c.cabin_id FROM cabins c WHERE c.dept_id = dep.dept_id ORDER BY c.cabin_number) AS cabin_ids,
                   count(*) OVER () AS total
            FROM departments dep JOIN hospitals h ON h.hospital_id = dep.hospital_id""";

    Optional<DepartmentRow> department(UUID deptId) {
        return jdbc.sql(DEPARTMENTS + " WHERE dep.dept_id = :id").param("id", deptId).query(FhirQueries::departmentRow).optional();
    }

    Page<DepartmentRow> departments(Scope scope, UUID deptId, String name, Collection<String> codes, Boolean active, UUID cabinId,
                                    int limit, int offset) {
        Where where = new Where();
        if (scope.hospitalId() != null) {
            where.add("dep.hospital_id = :hospital", "hospital", scope.hospitalId());
        }
        if (deptId != null) {
            where.add("dep.dept_id = :id", "id", deptId);
        }
        if (name != null) {
            where.add("dep.name ILIKE :name", "name", "%" + like(name) + "%");
        }
        if (codes != null) {
            where.add("dep.code IN (:codes)", "codes", codes);
        }
        if (active != null) {
            where.add("dep.status " + (active ? "=" : "<>") + " 'ACTIVE'");
        }
        if (cabinId != null) {
            where.add("EXISTS (SELECT 1 FROM cabins c WHERE c.dept_id = dep.dept_id AND c.cabin_id = :cabin)", "cabin", cabinId);
        }
        return page(DEPARTMENTS + where.sql() + " ORDER BY dep.name, dep.dept_id", where, limit, offset, FhirQueries::departmentRow);
    }

    // Location: cabins.

    private static final String CABINS = """
            SELECT c.cabin_id, c.dept_id, dep.hospital_id, h.name AS hospital_name, dep.name AS dept_name, c.cabin_number,
                   c.floor_number, c.status, h.latitude, h.longitude, count(*) OVER () AS total
            FROM cabins c JOIN departments dep ON dep.dept_id = c.dept_id JOIN hospitals h ON h.hospital_id = dep.hospital_id""";

    Optional<CabinRow> cabin(UUID cabinId) {
        return jdbc.sql(CABINS + " WHERE c.cabin_id = :id").param("id", cabinId).query(FhirQueries::cabinRow).optional();
    }

    /** @param statuses the cabins' own statuses (AVAILABLE, OCCUPIED, MAINTENANCE), any of them */
    Page<CabinRow> cabins(Scope scope, UUID cabinId, String name, Collection<String> statuses, UUID deptId, int limit, int offset) {
        Where where = new Where();
        if (scope.hospitalId() != null) {
            where.add("dep.hospital_id = :hospital", "hospital", scope.hospitalId());
        }
        if (cabinId != null) {
            where.add("c.cabin_id = :id", "id", cabinId);
        }
        if (name != null) {
            where.add("c.cabin_number ILIKE :name", "name", "%" + like(name) + "%");
        }
        if (statuses != null) {
            where.add("c.status IN (:statuses)", "statuses", statuses);
        }
        if (deptId != null) {
            where.add("c.dept_id = :dept", "dept", deptId);
        }
        return page(CABINS + where.sql() + " ORDER BY dep.name, c.cabin_number, c.cabin_id", where, limit, offset, FhirQueries::cabinRow);
    }

    // Schedule: a doctor's week.

    List<WeekDay> week(UUID doctorId) {
        return jdbc.sql("""
                        SELECT w.day_of_week, w.cabin_id, c.cabin_number, w.start_time, w.end_time, w.slot_minutes
                        FROM weekly_schedule_days w JOIN cabins c ON c.cabin_id = w.cabin_id
                        WHERE w.doctor_id = :d ORDER BY w.day_of_week""")
                .param("d", doctorId)
                .query((rs, row) -> new WeekDay(DayOfWeek.of(rs.getInt("day_of_week")), Sql.uuid(rs, "cabin_id"),
                        rs.getString("cabin_number"), rs.getObject("start_time", LocalTime.class),
                        rs.getObject("end_time", LocalTime.class), rs.getInt("slot_minutes")))
                .list();
    }

    /** The cabins the doctor has planned shifts in from {@code from} on. */
    List<UUID> shiftCabins(UUID doctorId, LocalDate from) {
        return jdbc.sql("""
                        SELECT DISTINCT cabin_id FROM cabin_doctors
                        WHERE doctor_id = :d AND shift_date >= :from AND status <> 'CANCELLED' ORDER BY cabin_id""")
                .param("d", doctorId).param("from", from).query(UUID.class).list();
    }

    /** Doctors whose week or planned shifts use the cabin. */
    List<UUID> doctorsOfCabin(UUID cabinId) {
        return jdbc.sql("""
                        SELECT doctor_id FROM weekly_schedule_days WHERE cabin_id = :c
                        UNION SELECT doctor_id FROM cabin_doctors WHERE cabin_id = :c AND shift_date >= CURRENT_DATE - 1""")
                .param("c", cabinId).query(UUID.class).list();
    }

    // Patient.

    private static final String PATIENTS = """
            SELECT p.patient_id, p.hospital_id, p.uhid, p.name, p.phone, p.email, p.date_of_birth, p.gender, count(*) OVER () AS total
            FROM patients p""";

    Optional<PatientRow> patient(UUID patientId) {
        return jdbc.sql(PATIENTS + " WHERE p.patient_id = :id").param("id", patientId).query(FhirQueries::patientRow).optional();
    }

    Page<PatientRow> patients(Scope scope, UUID patientId, String uhid, String name, String phone, int limit, int offset) {
        Where where = new Where();
        if (scope.hospitalId() != null) {
            where.add("p.hospital_id = :hospital", "hospital", scope.hospitalId());
        }
        if (scope.patientIds() != null) {
            where.add("p.patient_id IN (:mine)", "mine", scope.patientIds().isEmpty() ? List.of(new UUID(0, 0)) : scope.patientIds());
        }
        if (scope.deptId() != null) {
            // A department head reaches the patients their department has seen or booked.
            where.add("""
                    (EXISTS (SELECT 1 FROM tokens t WHERE t.patient_id = p.patient_id AND t.dept_id = :dept)
                     OR EXISTS (SELECT 1 FROM appointments a JOIN doctors d ON d.doctor_id = a.doctor_id
                                WHERE a.patient_id = p.patient_id AND d.primary_dept_id = :dept))""", "dept", scope.deptId());
        }
        if (patientId != null) {
            where.add("p.patient_id = :id", "id", patientId);
        }
        if (uhid != null) {
            where.add("p.uhid = :uhid", "uhid", uhid);
        }
        if (name != null) {
            where.add("p.name ILIKE :name", "name", "%" + like(name) + "%");
        }
        if (phone != null) {
            where.add("p.phone = :phone", "phone", phone);
        }
        return page(PATIENTS + where.sql() + " ORDER BY p.name, p.patient_id", where, limit, offset, FhirQueries::patientRow);
    }

    // Appointment.

    private static final String APPOINTMENTS = """
            SELECT a.*, h.timezone, p.short_url, d.hospital_id, d.name AS doctor_name, dep.code AS dept_code, dep.name AS dept_name,
                   count(*) OVER () AS total
            FROM appointments a
            JOIN doctors d ON d.doctor_id = a.doctor_id
            JOIN hospitals h ON h.hospital_id = d.hospital_id
            LEFT JOIN departments dep ON dep.dept_id = d.primary_dept_id
            LEFT JOIN payment_links p ON p.appointment_id = a.appointment_id""";

    Optional<AppointmentRow> appointment(UUID appointmentId) {
        return jdbc.sql(APPOINTMENTS + " WHERE a.appointment_id = :id").param("id", appointmentId)
                .query(FhirQueries::appointmentRow).optional();
    }

    /** @param statuses any of them; null: any */
    Page<AppointmentRow> appointments(Scope scope, UUID appointmentId, UUID doctorId, UUID patientId, Collection<AppointmentStatus> statuses,
                                      Collection<String> deptCodes, Search.Range starts, int limit, int offset) {
        Where where = new Where();
        if (scope.hospitalId() != null) {
            where.add("d.hospital_id = :hospital", "hospital", scope.hospitalId());
        }
        if (scope.deptId() != null) {
            where.add("d.primary_dept_id = :scopeDept", "scopeDept", scope.deptId());
        }
        if (scope.patientIds() != null) {
            where.add("a.patient_id IN (:mine)", "mine", scope.patientIds().isEmpty() ? List.of(new UUID(0, 0)) : scope.patientIds());
        }
        if (appointmentId != null) {
            where.add("a.appointment_id = :id", "id", appointmentId);
        }
        if (doctorId != null) {
            where.add("a.doctor_id = :doctor", "doctor", doctorId);
        }
        if (patientId != null) {
            where.add("a.patient_id = :patient", "patient", patientId);
        }
        if (statuses != null) {
            where.add("a.status IN (:statuses)", "statuses", statuses.isEmpty() ? List.of("-") : statuses.stream().map(Enum::name).toList());
        }
        if (deptCodes != null) {
            where.add("dep.code IN (:codes)", "codes", deptCodes);
        }
        if (starts.from() != null) {
            where.add("a.starts_at >= :from", "from", Sql.timestamp(starts.from()));
        }
        if (starts.to() != null) {
            where.add("a.starts_at < :to", "to", Sql.timestamp(starts.to()));
        }
        return page(APPOINTMENTS + where.sql() + " ORDER BY a.starts_at, a.appointment_id", where, limit, offset,
                FhirQueries::appointmentRow);
    }

    /** The doctor's appointments that keep time in [from, to): their start, end and status (a lapsed hold keeps none). */
    List<Appointment> holdingTime(UUID doctorId, Instant from, Instant to, Instant now) {
        return jdbc.sql(APPOINTMENTS + " " + """
                         WHERE a.doctor_id = :d AND a.starts_at < :to AND a.ends_at > :from
                          AND (a.status IN ('CONFIRMED', 'IN_PROGRESS') OR (a.status = 'SCHEDULED' AND a.hold_expires_at > :now))""")
                .param("d", doctorId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to)).param("now", Sql.timestamp(now))
                .query((rs, row) -> appointmentRow(rs, row).appointment()).list();
    }

    private <T> Page<T> page(String sql, Where where, int limit, int offset, RowMapper<T> mapper) {
        int[] total = {0};
        JdbcClient.StatementSpec statement = jdbc.sql(sql + " LIMIT :limit OFFSET :offset")
                .param("limit", Math.max(limit, 1)).param("offset", offset);
        for (Map.Entry<String, Object> p : where.params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<T> rows = statement.query((rs, row) -> {
            total[0] = rs.getInt("total");
            return mapper.mapRow(rs, row);
        }).list();
        if (rows.isEmpty() && offset > 0) {
            // Past the last page: count what there is.
            JdbcClient.StatementSpec counting = jdbc.sql("SELECT count(*) FROM (" + sql + ") all_rows");
            for (Map.Entry<String, Object> p : where.params.entrySet()) {
                counting = counting.param(p.getKey(), p.getValue());
            }
            total[0] = counting.query(Integer.class).single();
        }
        return new Page<>(limit == 0 ? List.of() : rows, total[0]);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static DoctorRow doctorRow(ResultSet rs, int row) throws SQLException {
        return new DoctorRow(Sql.uuid(rs, "doctor_id"), Sql.uuid(rs, "hospital_id"), rs.getString("emp_code"), rs.getString("name"),
                rs.getString("specialization"), Sql.uuid(rs, "primary_dept_id"), rs.getString("dept_code"), rs.getString("dept_name"),
                rs.getString("phone"), rs.getString("email"), rs.getString("status"), ZoneId.of(rs.getString("timezone")));
    }

    private static DepartmentRow departmentRow(ResultSet rs, int row) throws SQLException {
        java.sql.Array cabins = rs.getArray("cabin_ids");
        List<UUID> cabinIds = new ArrayList<>();
        if (cabins != null) {
            for (Object id : (Object[]) cabins.getArray()) {
                cabinIds.add((UUID) id);
            }
        }
        return new DepartmentRow(Sql.uuid(rs, "dept_id"), Sql.uuid(rs, "hospital_id"), rs.getString("hospital_name"),
                rs.getString("name"), rs.getString("code"), rs.getString("status"), cabinIds);
    }

    private static CabinRow cabinRow(ResultSet rs, int row) throws SQLException {
        return new CabinRow(Sql.uuid(rs, "cabin_id"), Sql.uuid(rs, "dept_id"), Sql.uuid(rs, "hospital_id"), rs.getString("hospital_name"),
                rs.getString("dept_name"), rs.getString("cabin_number"), Sql.integer(rs, "floor_number"), rs.getString("status"),
                Sql.decimal(rs, "latitude"), Sql.decimal(rs, "longitude"));
    }

    private static PatientRow patientRow(ResultSet rs, int row) throws SQLException {
        return new PatientRow(Sql.uuid(rs, "patient_id"), Sql.uuid(rs, "hospital_id"), rs.getString("uhid"), rs.getString("name"),
                rs.getString("phone"), rs.getString("email"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("gender"));
    }

    private static AppointmentRow appointmentRow(ResultSet rs, int row) throws SQLException {
        Appointment appointment = new Appointment(
                Sql.uuid(rs, "appointment_id"), Sql.uuid(rs, "doctor_id"), Sql.uuid(rs, "patient_id"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"),
                AppointmentType.valueOf(rs.getString("appointment_type")), AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), Sql.instant(rs, "hold_expires_at"), rs.getString("cancel_reason"), rs.getString("short_url"),
                Sql.uuid(rs, "token_id"), ZoneId.of(rs.getString("timezone")));
        return new AppointmentRow(appointment, Sql.uuid(rs, "hospital_id"), rs.getString("doctor_name"), rs.getString("dept_code"),
                rs.getString("dept_name"));
    }
}
