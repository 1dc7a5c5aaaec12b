package org.opd.orchestrator.redistribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.leave.ScheduleException;
import org.opd.orchestrator.redistribution.PlanInput.AffectedToken;
import org.opd.orchestrator.redistribution.PlanInput.LineToken;
import org.opd.orchestrator.redistribution.PlanInput.NextSession;
import org.opd.orchestrator.redistribution.PlanInput.Session;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenBooking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what a plan is computed from: the colleagues' open shifts with their lines and room, the rules, the next session. */
@Repository
class PlanInputs {

    private final JdbcClient jdbc;

    PlanInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PlanInput read(ScheduleException exception, List<LoadedToken> affectedTokens, Instant now) {
        List<AffectedToken> affected = affectedTokens.stream().map(loaded -> affected(loaded, now)).toList();
        if (affected.isEmpty()) {
            return new PlanInput(exception.exceptionId(), affected, List.of(), Map.of(), null);
        }
        Set<UUID> departments = affected.stream().map(AffectedToken::deptId).collect(Collectors.toSet());
        Set<LocalDate> days = affected.stream().map(AffectedToken::serviceDate).collect(Collectors.toSet());
        List<Session> sessions = sessions(exception, departments, days);
        return new PlanInput(exception.exceptionId(), affected, sessions, rules(departments), nextSession(exception));
    }

    private static AffectedToken affected(LoadedToken loaded, Instant now) {
        TokenBooking b = loaded.token().booking();
        Instant expectedAt = b.scheduledTime().isAfter(now) ? b.scheduledTime() : now;
        return new AffectedToken(b.tokenId(), b.tokenNumber(), loaded.token().version(), loaded.token().status(), b.priority(),
                loaded.token().timeline().linePlaceAt(), expectedAt, b.serviceDate(), b.deptId(),
                loaded.context().avgConsultationMinutes() + loaded.context().bufferMinutes());
    }

    /**
     * Open shifts (planned or started) of the departments' cabins on those days, of other ACTIVE doctors
     * who have no approved absence sharing any of the exception's time.
     */
    private List<Session> sessions(ScheduleException exception, Set<UUID> departments, Set<LocalDate> days) {
        List<SessionRow> rows = jdbc.sql("""
                        SELECT cd.assignment_id, cd.doctor_id, d.name AS doctor_name, cd.cabin_id, c.cabin_number, c.dept_id,
                               cd.shift_date, cd.shift_end_time, h.timezone, d.avg_consultation_time, dep.buffer_time,
                               d.max_tokens_per_session
                                 - (SELECT count(*) FROM tokens t WHERE t.assignment_id = cd.assignment_id
                                      AND t.service_date = cd.shift_date AND t.status NOT IN ('CANCELLED', 'RESCHEDULED')) AS room,
                               EXISTS (SELECT 1 FROM tokens t WHERE t.doctor_id = cd.doctor_id AND t.service_date = cd.shift_date
                                         AND (t.status = 'IN_CONSULTATION' OR (t.status = 'WAITING' AND t.called_time IS NOT NULL))) AS busy
                        FROM cabin_doctors cd
                        JOIN cabins c ON c.cabin_id = cd.cabin_id
                        JOIN departments dep ON dep.dept_id = c.dept_id
                        JOIN doctors d ON d.doctor_id = cd.doctor_id
                        JOIN hospitals h ON h.hospital_id = d.hospital_id
                        WHERE c.dept_id IN (:departments) AND cd.shift_date IN (:days) AND cd.status IN ('SCHEDULED', 'ACTIVE')
                          AND cd.doctor_id <> :absent AND d.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM schedule_exceptions e
                                          WHERE e.doctor_id = cd.doctor_id AND e.approved_at IS NOT NULL
                                            AND e.start_datetime < :end AND e.end_datetime > :start)
                        ORDER BY cd.assignment_id
                        """)
                .param("departments", departments).param("days", days).param("absent", exception.doctorId())
                .param("start", Sql.timestamp(exception.start())).param("end", Sql.timestamp(exception.end()))
                .query((rs, row) -> new SessionRow(Sql.uuid(rs, "assignment_id"), Sql.uuid(rs, "doctor_id"),
                        rs.getString("doctor_name"), Sql.uuid(rs, "cabin_id"), rs.getString("cabin_number"),
                        Sql.uuid(rs, "dept_id"), rs.getObject("shift_date", LocalDate.class),
                        rs.getObject("shift_end_time", LocalTime.class), ZoneId.of(rs.getString("timezone")),
                        rs.getInt("avg_consultation_time"), rs.getInt("buffer_time"), rs.getInt("room"), rs.getBoolean("busy")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LineToken>> lines = lines(rows.stream().map(SessionRow::assignmentId).toList(), days);
        List<Session> sessions = new ArrayList<>(rows.size());
        for (SessionRow r : rows) {
            sessions.add(new Session(r.assignmentId(), r.doctorId(), r.doctorName(), r.cabinId(), r.cabinNumber(), r.deptId(),
                    r.shiftDate(), r.shiftDate().atTime(r.shiftEnd()).atZone(r.zone()).toInstant(), r.avgConsultationMinutes(),
                    r.bufferMinutes(), Math.max(0, r.room()), r.busy(), lines.getOrDefault(r.assignmentId(), List.of())));
        }
        return sessions;
    }

    private Map<UUID, List<LineToken>> lines(List<UUID> assignments, Set<LocalDate> days) {
        Map<UUID, List<LineToken>> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT assignment_id, token_id, version, priority, line_place_at, token_number FROM tokens
                        WHERE assignment_id IN (:assignments) AND service_date IN (:days)
                          AND status IN ('BOOKED', 'CHECKED_IN', 'WAITING') AND called_time IS NULL
                        """)
                .param("assignments", assignments).param("days", days)
                .query(rs -> {
                    lines.computeIfAbsent(Sql.uuid(rs, "assignment_id"), id -> new ArrayList<>())
                            .add(new LineToken(Sql.uuid(rs, "token_id"), rs.getLong("version"), rs.getInt("priority"),
                                    Sql.instant(rs, "line_place_at"), rs.getString("token_number")));
                });
        return lines;
    }

    private Map<UUID, UnplacedTokenRule> rules(Set<UUID> departments) {
        Map<UUID, UnplacedTokenRule> rules = new HashMap<>();
        jdbc.sql("SELECT dept_id, unplaced_token_rule FROM departments WHERE dept_id IN (:departments)")
                .param("departments", departments)
                .query(rs -> {
                    rules.put(Sql.uuid(rs, "dept_id"), UnplacedTokenRule.valueOf(rs.getString("unplaced_token_rule")));
                });
        return rules;
    }

    /** The absent doctor's first planned session that starts once the absence is over, if the doctor still takes tokens. */
    private NextSession nextSession(ScheduleException exception) {
        return jdbc.sql("""
                        SELECT cd.assignment_id, cd.shift_date, cd.shift_start_time, h.timezone,
                               d.max_tokens_per_session
                                 - (SELECT count(*) FROM tokens t WHERE t.assignment_id = cd.assignment_id
                                      AND t.service_date = cd.shift_date AND t.status NOT IN ('CANCELLED', 'RESCHEDULED')) AS room
                        FROM cabin_doctors cd
                        JOIN doctors d ON d.doctor_id = cd.doctor_id
                        JOIN hospitals h ON h.hospital_id = d.hospital_id
                        WHERE cd.doctor_id = :doctorId AND cd.status = 'SCHEDULED' AND d.status = 'ACTIVE'
                          AND (cd.shift_date + cd.shift_start_time) AT TIME ZONE h.timezone >= :end
                        ORDER BY cd.shift_date, cd.shift_start_time
                        LIMIT 1
                        """)
                .param("doctorId", exception.doctorId()).param("end", Sql.timestamp(exception.end()))
                .query((rs, row) -> new NextSession(Sql.uuid(rs, "assignment_id"),
                        rs.getObject("shift_date", LocalDate.class).atTime(rs.getObject("shift_start_time", LocalTime.class))
                                .atZone(ZoneId.of(rs.getString("timezone"))).toInstant(),
                        Math.max(0, rs.getInt("room"))))
                .optional().orElse(null);
    }

    private record SessionRow(UUID assignmentId, UUID doctorId, String doctorName, UUID cabinId, String cabinNumber,
                              UUID deptId, LocalDate shiftDate, LocalTime shiftEnd, ZoneId zone, int avgConsultationMinutes,
                              int bufferMinutes, int room, boolean busy) {
    }
}
