package org.opd.orchestrator.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.jdbc.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ShiftRepository {

    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            // PostgreSQL shortens generated names to 63 characters.
            "cabin_doctors_cabin_id_doctor_id_shift_date_shift_start_tim_key",
            new UniqueConstraints.Field("shiftStartTime",
                    "The doctor already has a shift in this cabin starting at this time on this date")));

    /** A shift's breaks come along as two arrays of local times in the same order. */
    private static final String COLUMNS = """
            SELECT cd.*, c.dept_id, dep.hospital_id, h.timezone,
                   ARRAY(SELECT b.break_start::text FROM shift_planned_breaks b
                         WHERE b.assignment_id = cd.assignment_id ORDER BY b.break_start) AS break_starts,
                   ARRAY(SELECT b.break_end::text FROM shift_planned_breaks b
                         WHERE b.assignment_id = cd.assignment_id ORDER BY b.break_start) AS break_ends""";
    private static final String FROM = """
            FROM cabin_doctors cd
            JOIN cabins c ON c.cabin_id = cd.cabin_id
            JOIN departments dep ON dep.dept_id = c.dept_id
            JOIN hospitals h ON h.hospital_id = dep.hospital_id
            """;
    private static final String SELECT = COLUMNS + " " + FROM;

    private final JdbcClient jdbc;

    ShiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID create(NewShift shift) {
        UUID assignmentId = insert(shift);
        for (ShiftBreak b : shift.plannedBreaks()) {
            jdbc.sql("INSERT INTO shift_planned_breaks (assignment_id, break_start, break_end) VALUES (:id, :start, :end)")
                    .param("id", assignmentId).param("start", b.start()).param("end", b.end())
                    .update();
        }
        return assignmentId;
    }

    private UUID insert(NewShift shift) {
        try {
            return Insert.into("cabin_doctors")
                    .value("cabin_id", shift.cabinId())
                    .value("doctor_id", shift.doctorId())
                    .value("shift_date", shift.shiftDate())
                    .value("shift_start_time", shift.shiftStartTime())
                    .value("shift_end_time", shift.shiftEndTime())
                    .valueOrDefault("planned_tokens", shift.plannedTokens())
                    .returning(jdbc, (rs, row) -> Sql.uuid(rs, "assignment_id"));
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        }
    }

    public Optional<Shift> find(UUID assignmentId) {
        return jdbc.sql(SELECT + " WHERE cd.assignment_id = :id").param("id", assignmentId)
                .query(ShiftRepository::map).optional();
    }

    Shift requireForUpdate(UUID assignmentId) {
        return jdbc.sql(SELECT + " WHERE cd.assignment_id = :id FOR UPDATE OF cd").param("id", assignmentId)
                .query(ShiftRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("shift", assignmentId));
    }

    /**
     * Locks the shift's row until the transaction ends, so that the tokens it holds are counted
     * and added one issue at a time. NO KEY UPDATE leaves the key-share locks of token inserts alone.
     */
    public void lockForIssuing(UUID assignmentId) {
        jdbc.sql("SELECT assignment_id FROM cabin_doctors WHERE assignment_id = :id FOR NO KEY UPDATE")
                .param("id", assignmentId).query(UUID.class).single();
    }

    /**
     * The doctor's shift that a token for the given local date and time belongs to: of the
     * shifts that day that are neither cancelled nor over, the first that has not ended by then.
     */
    public Optional<Shift> findServing(UUID doctorId, LocalDate date, LocalTime time) {
        return jdbc.sql(SELECT + """
                         WHERE cd.doctor_id = :doctorId AND cd.shift_date = :date
                           AND cd.status IN ('SCHEDULED', 'ACTIVE') AND cd.shift_end_time >= :time
                         ORDER BY cd.shift_start_time
                         LIMIT 1
                        """)
                .param("doctorId", doctorId)
                .param("date", date)
                .param("time", time)
                .query(ShiftRepository::map).optional();
    }

    boolean existsOn(UUID doctorId, LocalDate date) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cabin_doctors WHERE doctor_id = :d AND shift_date = :date)")
                .param("d", doctorId).param("date", date).query(Boolean.class).single();
    }

    /** The doctor's shifts of the given days, cancelled ones included, in time order. */
    List<Shift> ofDoctor(UUID doctorId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + """
                         WHERE cd.doctor_id = :d AND cd.shift_date BETWEEN :from AND :to
                         ORDER BY cd.shift_date, cd.shift_start_time""")
                .param("d", doctorId).param("from", from).param("to", to)
                .query(ShiftRepository::map).list();
    }

    Page<Shift> page(ShiftFilter filter, PageRequest page) {
        Where where = new Where()
                .optional("cd.doctor_id = :doctorId", "doctorId", filter.doctorId())
                .optional("cd.cabin_id = :cabinId", "cabinId", filter.cabinId())
                .optional("c.dept_id = :deptId", "deptId", filter.deptId())
                .optional("cd.shift_date = :shiftDate", "shiftDate", filter.shiftDate())
                .optional("cd.status = :status", "status", filter.status() == null ? null : filter.status().name());
        return PagedSelect.run(jdbc, COLUMNS, FROM, where, "cd.shift_date, cd.shift_start_time, cd.assignment_id",
                ShiftRepository::map, page);
    }

    void update(Shift shift) {
        jdbc.sql("""
                        UPDATE cabin_doctors
                        SET status = :status, actual_start_time = :actualStart, actual_end_time = :actualEnd
                        WHERE assignment_id = :id
                        """)
                .param("status", shift.status().name())
                .param("actualStart", Sql.timestamp(shift.actualStartTime()))
                .param("actualEnd", Sql.timestamp(shift.actualEndTime()))
                .param("id", shift.assignmentId())
                .update();
    }

    private static Shift map(ResultSet rs, int row) throws SQLException {
        return new Shift(
                Sql.uuid(rs, "assignment_id"),
                Sql.uuid(rs, "cabin_id"),
                Sql.uuid(rs, "doctor_id"),
                Sql.uuid(rs, "dept_id"),
                Sql.uuid(rs, "hospital_id"),
                ZoneId.of(rs.getString("timezone")),
                rs.getObject("shift_date", LocalDate.class),
                rs.getObject("shift_start_time", LocalTime.class),
                rs.getObject("shift_end_time", LocalTime.class),
                rs.getInt("planned_tokens"),
                ShiftStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "actual_start_time"),
                Sql.instant(rs, "actual_end_time"),
                breaks(rs));
    }

    private static List<ShiftBreak> breaks(ResultSet rs) throws SQLException {
        String[] starts = (String[]) rs.getArray("break_starts").getArray();
        String[] ends = (String[]) rs.getArray("break_ends").getArray();
        List<ShiftBreak> breaks = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            breaks.add(new ShiftBreak(LocalTime.parse(starts[i]), LocalTime.parse(ends[i])));
        }
        return breaks;
    }
}
