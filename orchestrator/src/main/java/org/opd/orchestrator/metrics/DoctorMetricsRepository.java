package org.opd.orchestrator.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a doctor's day from the tokens and shifts, and keeps its row of {@code doctor_performance_metrics}. */
@Repository
class DoctorMetricsRepository {

    private final JdbcClient jdbc;

    DoctorMetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The hospital's time zone of the doctor, if the doctor exists. */
    Optional<ZoneId> zoneOf(UUID doctorId) {
        return jdbc.sql("SELECT h.timezone FROM doctors d JOIN hospitals h ON h.hospital_id = d.hospital_id WHERE d.doctor_id = :id")
                .param("id", doctorId).query(String.class).optional().map(ZoneId::of);
    }

    /** The doctors with a shift or a token on the day. */
    List<UUID> doctorsActiveOn(LocalDate day) {
        return jdbc.sql("""
                        SELECT doctor_id FROM cabin_doctors WHERE shift_date = :day AND status <> 'CANCELLED'
                        UNION SELECT doctor_id FROM tokens WHERE service_date = :day
                        """).param("day", day).query(UUID.class).list();
    }

    DoctorDayFacts facts(UUID doctorId, LocalDate day, ZoneId zone) {
        List<DoctorDayFacts.Session> sessions = jdbc.sql("""
                        SELECT assignment_id, shift_start_time, shift_end_time, actual_start_time, actual_end_time FROM cabin_doctors
                        WHERE doctor_id = :doctorId AND shift_date = :day AND status <> 'CANCELLED'
                        """).param("doctorId", doctorId).param("day", day)
                .query((rs, row) -> new DoctorDayFacts.Session(local(rs, "shift_start_time", day, zone),
                        local(rs, "shift_end_time", day, zone), Sql.instant(rs, "actual_start_time"),
                        Sql.instant(rs, "actual_end_time"), plannedBreaks(Sql.uuid(rs, "assignment_id"), day, zone)))
                .list();
        // Tokens transferred in from another doctor count where they ended up.
        List<DoctorDayFacts.Visit> visits = jdbc.sql("""
                        SELECT status, check_in_time, consultation_start_time, consultation_end_time FROM tokens
                        WHERE doctor_id = :doctorId AND service_date = :day
                        """).param("doctorId", doctorId).param("day", day)
                .query((rs, row) -> new DoctorDayFacts.Visit(TokenStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "check_in_time"), Sql.instant(rs, "consultation_start_time"),
                        Sql.instant(rs, "consultation_end_time")))
                .list();
        return new DoctorDayFacts(doctorId, day, zone, sessions, visits);
    }

    private List<DoctorDayFacts.Break> plannedBreaks(UUID assignmentId, LocalDate day, ZoneId zone) {
        return jdbc.sql("SELECT break_start, break_end FROM shift_planned_breaks WHERE assignment_id = :id")
                .param("id", assignmentId)
                .query((rs, row) -> new DoctorDayFacts.Break(local(rs, "break_start", day, zone), local(rs, "break_end", day, zone)))
                .list();
    }

    void upsert(DoctorDayMetrics m) {
        jdbc.sql("""
                        INSERT INTO doctor_performance_metrics (doctor_id, metric_date, tokens_scheduled, tokens_completed,
                                tokens_no_show, avg_consultation_time_mins, avg_wait_time_mins, first_patient_delay_mins,
                                last_patient_time, idle_time_mins, break_time_mins, utilization_rate)
                        VALUES (:doctorId, :day, :scheduled, :completed, :noShow, :avgConsultation, :avgWait, :firstDelay,
                                :lastPatient, :idle, :breaks, :utilization)
                        ON CONFLICT (doctor_id, metric_date) DO UPDATE SET
                            tokens_scheduled = EXCLUDED.tokens_scheduled, tokens_completed = EXCLUDED.tokens_completed,
                            tokens_no_show = EXCLUDED.tokens_no_show, avg_consultation_time_mins = EXCLUDED.avg_consultation_time_mins,
                            avg_wait_time_mins = EXCLUDED.avg_wait_time_mins, first_patient_delay_mins = EXCLUDED.first_patient_delay_mins,
                            last_patient_time = EXCLUDED.last_patient_time, idle_time_mins = EXCLUDED.idle_time_mins,
                            break_time_mins = EXCLUDED.break_time_mins, utilization_rate = EXCLUDED.utilization_rate
                        """)
                .param("doctorId", m.doctorId()).param("day", m.day())
                .param("scheduled", m.tokensScheduled()).param("completed", m.tokensCompleted()).param("noShow", m.tokensNoShow())
                .param("avgConsultation", m.avgConsultationMinutes()).param("avgWait", m.avgWaitMinutes())
                .param("firstDelay", m.firstPatientDelayMinutes()).param("lastPatient", m.lastPatientTime())
                .param("idle", m.idleMinutes()).param("breaks", m.breakMinutes()).param("utilization", m.utilizationPercent())
                .update();
    }

    Optional<DoctorDayMetrics> find(UUID doctorId, LocalDate day) {
        return jdbc.sql("SELECT * FROM doctor_performance_metrics WHERE doctor_id = :doctorId AND metric_date = :day")
                .param("doctorId", doctorId).param("day", day)
                .query(DoctorMetricsRepository::row)
                .optional();
    }

    /** The rows of the hospital's doctors for the day, by doctor name. */
    List<DoctorDayMetrics> ofHospital(UUID hospitalId, LocalDate day) {
        return jdbc.sql("""
                        SELECT m.* FROM doctor_performance_metrics m JOIN doctors d ON d.doctor_id = m.doctor_id
                        WHERE d.hospital_id = :hospitalId AND m.metric_date = :day
                        ORDER BY d.name, d.doctor_id
                        """)
                .param("hospitalId", hospitalId).param("day", day)
                .query(DoctorMetricsRepository::row)
                .list();
    }

    private static DoctorDayMetrics row(ResultSet rs, int row) throws SQLException {
        return new DoctorDayMetrics(Sql.uuid(rs, "doctor_id"), rs.getObject("metric_date", LocalDate.class),
                rs.getInt("tokens_scheduled"), rs.getInt("tokens_completed"), rs.getInt("tokens_no_show"),
                rs.getBigDecimal("avg_consultation_time_mins"), rs.getBigDecimal("avg_wait_time_mins"),
                Sql.integer(rs, "first_patient_delay_mins"), rs.getObject("last_patient_time", LocalTime.class),
                rs.getInt("idle_time_mins"), rs.getInt("break_time_mins"), rs.getBigDecimal("utilization_rate"));
    }

    private static Instant local(ResultSet rs, String column, LocalDate day, ZoneId zone) throws SQLException {
        return day.atTime(rs.getObject(column, LocalTime.class)).atZone(zone).toInstant();
    }
}
