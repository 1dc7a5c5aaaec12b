package org.opd.orchestrator.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.shift.ShiftBreak;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WeeklyScheduleRepository {

    private final JdbcClient jdbc;

    WeeklyScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises changes of one doctor's schedule and the shifts planned from it until the transaction
     * ends; an advisory lock, so that the doctor's row stays free for the token module.
     */
    void lockForPlanning(UUID doctorId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('weekly-schedule:' || :d, 0))")
                .param("d", doctorId.toString()).query((rs, row) -> 1).single();
    }

    /** Replaces the doctor's whole week (the breaks go with their days). */
    void replace(WeeklySchedule schedule) {
        jdbc.sql("DELETE FROM weekly_schedule_days WHERE doctor_id = :d").param("d", schedule.doctorId()).update();
        for (ScheduleDay day : schedule.days()) {
            jdbc.sql("""
                            INSERT INTO weekly_schedule_days
                                (doctor_id, day_of_week, cabin_id, start_time, end_time, slot_minutes, planned_tokens)
                            VALUES (:d, :day, :cabin, :start, :end, :slot, :tokens)""")
                    .param("d", schedule.doctorId()).param("day", day.dayOfWeek().getValue()).param("cabin", day.cabinId())
                    .param("start", day.startTime()).param("end", day.endTime()).param("slot", day.slotMinutes())
                    .param("tokens", day.plannedTokens())
                    .update();
            for (ShiftBreak b : day.plannedBreaks()) {
                jdbc.sql("""
                                INSERT INTO weekly_schedule_breaks (doctor_id, day_of_week, break_start, break_end)
                                VALUES (:d, :day, :start, :end)""")
                        .param("d", schedule.doctorId()).param("day", day.dayOfWeek().getValue())
                        .param("start", b.start()).param("end", b.end())
                        .update();
            }
        }
    }

    WeeklySchedule find(UUID doctorId) {
        Map<Integer, List<ShiftBreak>> breaks = jdbc.sql("""
                        SELECT day_of_week, break_start, break_end FROM weekly_schedule_breaks
                        WHERE doctor_id = :d ORDER BY day_of_week, break_start""")
                .param("d", doctorId)
                .query((rs, row) -> Map.entry(rs.getInt("day_of_week"), new ShiftBreak(
                        rs.getObject("break_start", LocalTime.class), rs.getObject("break_end", LocalTime.class))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ScheduleDay> days = new ArrayList<>(jdbc.sql("SELECT * FROM weekly_schedule_days WHERE doctor_id = :d ORDER BY day_of_week")
                .param("d", doctorId)
                .query((rs, row) -> new ScheduleDay(DayOfWeek.of(rs.getInt("day_of_week")), Sql.uuid(rs, "cabin_id"),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getInt("slot_minutes"), rs.getInt("planned_tokens"),
                        breaks.getOrDefault(rs.getInt("day_of_week"), List.of())))
                .list());
        return new WeeklySchedule(doctorId, days);
    }
}
