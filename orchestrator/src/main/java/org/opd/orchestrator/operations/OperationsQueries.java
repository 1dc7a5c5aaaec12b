package org.opd.orchestrator.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.TokenStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read models of spec 004 for operators: its two views and its bottleneck query, asked per
 * hospital for the hospital's today (its time zone, not the database server's), from PostgreSQL,
 * with times in the hospital's time zone. An unknown hospital is a 404.
 */
@Service
public class OperationsQueries {

    private final JdbcClient jdbc;
    private final HospitalRepository hospitals;
    private final Clock clock;

    OperationsQueries(JdbcClient jdbc, HospitalRepository hospitals, Clock clock) {
        this.jdbc = jdbc;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** Each doctor's line, doctors one after another; {@code deptId} and {@code doctorId} narrow it when given. */
    @Transactional(readOnly = true)
    public List<LiveQueueEntry> liveQueue(UUID hospitalId, UUID deptId, UUID doctorId) {
        Instant now = clock.instant();
        ZoneId zone = hospitals.require(hospitalId).zone();
        return jdbc.sql("""
                        SELECT t.token_id, t.token_number, p.name AS patient_name, d.doctor_id, d.name AS doctor_name,
                               dep.dept_id, dep.name AS department_name, c.cabin_number, t.status, t.priority,
                               t.estimated_wait_time, t.scheduled_time, t.check_in_time, t.called_time, t.parked_at,
                               row_number() OVER (PARTITION BY t.doctor_id ORDER BY
                                   CASE WHEN t.parked_at IS NOT NULL THEN 4
                                        WHEN t.status = 'IN_CONSULTATION' THEN 0
                                        WHEN t.status = 'WAITING' AND t.called_time IS NOT NULL THEN 1
                                        WHEN t.status = 'WAITING' THEN 2 ELSE 3 END,
                                   %s) AS line_order
                        FROM tokens t
                        JOIN patients p ON p.patient_id = t.patient_id
                        JOIN doctors d ON d.doctor_id = t.doctor_id
                        JOIN departments dep ON dep.dept_id = t.dept_id
                        JOIN cabins c ON c.cabin_id = t.cabin_id
                        WHERE t.hospital_id = :hospitalId AND t.service_date = :today
                          AND t.status IN ('CHECKED_IN', 'WAITING', 'IN_CONSULTATION')
                          AND (CAST(:deptId AS uuid) IS NULL OR t.dept_id = :deptId)
                          AND (CAST(:doctorId AS uuid) IS NULL OR t.doctor_id = :doctorId)
                        ORDER BY d.name, d.doctor_id, line_order
                        """.formatted(CallOrder.sql("t")))
                .param("hospitalId", hospitalId)
                .param("today", LocalDate.ofInstant(now, zone))
                .param("deptId", deptId)
                .param("doctorId", doctorId)
                .query((rs, row) -> {
                    Instant checkIn = Sql.instant(rs, "check_in_time");
                    return new LiveQueueEntry(Sql.uuid(rs, "token_id"), rs.getString("token_number"),
                            MaskedName.of(rs.getString("patient_name")), Sql.uuid(rs, "doctor_id"),
                            rs.getString("doctor_name"), Sql.uuid(rs, "dept_id"), rs.getString("department_name"),
                            rs.getString("cabin_number"), TokenStatus.valueOf(rs.getString("status")),
                            rs.getInt("priority"), rs.getInt("line_order"), Sql.integer(rs, "estimated_wait_time"),
                            LocalTimes.at(Sql.instant(rs, "scheduled_time"), zone), LocalTimes.at(checkIn, zone),
                            LocalTimes.at(Sql.instant(rs, "called_time"), zone),
                            checkIn == null ? 0 : Duration.between(checkIn, now).toMinutes(),
                            LocalTimes.at(Sql.instant(rs, "parked_at"), zone));
                })
                .list();
    }

    /** Every doctor of the hospital, with today's started shift (if any) and line. */
    @Transactional(readOnly = true)
    public List<DoctorStatusEntry> doctorStatus(UUID hospitalId) {
        ZoneId zone = hospitals.require(hospitalId).zone();
        return jdbc.sql("""
                        SELECT d.doctor_id, d.name, d.specialization, d.status AS duty_status, cd.cabin_id, c.cabin_number,
                               (SELECT count(*) FROM tokens t WHERE t.doctor_id = d.doctor_id
                                   AND t.service_date = :today AND t.status = 'WAITING') AS pending_tokens,
                               (SELECT max(t.consultation_start_time) FROM tokens t WHERE t.doctor_id = d.doctor_id
                                   AND t.service_date = :today) AS last_consult_start,
                               CASE WHEN EXISTS (SELECT 1 FROM tokens t WHERE t.doctor_id = d.doctor_id
                                                 AND t.status = 'IN_CONSULTATION') THEN 'BUSY'
                                    WHEN cd.assignment_id IS NOT NULL THEN 'AVAILABLE'
                                    ELSE 'OFFLINE' END AS current_status
                        FROM doctors d
                        -- One started shift per doctor: spec 004's plain join would list a doctor twice.
                        LEFT JOIN LATERAL (
                            SELECT s.assignment_id, s.cabin_id FROM cabin_doctors s
                            WHERE s.doctor_id = d.doctor_id AND s.shift_date = :today AND s.status = 'ACTIVE'
                            ORDER BY s.actual_start_time DESC LIMIT 1) cd ON true
                        LEFT JOIN cabins c ON c.cabin_id = cd.cabin_id
                        WHERE d.hospital_id = :hospitalId
                        ORDER BY d.name, d.doctor_id
                        """)
                .param("hospitalId", hospitalId)
                .param("today", LocalDate.ofInstant(clock.instant(), zone))
                .query((rs, row) -> new DoctorStatusEntry(Sql.uuid(rs, "doctor_id"), rs.getString("name"),
                        rs.getString("specialization"), rs.getString("duty_status"), Sql.uuid(rs, "cabin_id"),
                        rs.getString("cabin_number"), rs.getInt("pending_tokens"), LocalTimes.at(Sql.instant(rs, "last_consult_start"), zone),
                        DoctorStatus.valueOf(rs.getString("current_status"))))
                .list();
    }

    /** Departments with more than {@code morePendingThan} patients in line today, the longest line first. */
    @Transactional(readOnly = true)
    public List<Bottleneck> bottlenecks(UUID hospitalId, int morePendingThan) {
        Instant now = clock.instant();
        ZoneId zone = hospitals.require(hospitalId).zone();
        return jdbc.sql("""
                        SELECT dep.dept_id, dep.code, dep.name, count(t.token_id) AS pending_count,
                               avg(EXTRACT(EPOCH FROM (:now - t.check_in_time)) / 60) AS average_wait,
                               avg(t.estimated_wait_time) AS average_estimated_wait,
                               count(DISTINCT t.doctor_id) AS active_doctors
                        FROM tokens t
                        JOIN departments dep ON dep.dept_id = t.dept_id
                        WHERE t.hospital_id = :hospitalId AND t.service_date = :today
                          AND t.status IN ('WAITING', 'CHECKED_IN')
                        GROUP BY dep.dept_id, dep.code, dep.name
                        HAVING count(t.token_id) > :morePendingThan
                        ORDER BY pending_count DESC, dep.code
                        """)
                .param("hospitalId", hospitalId)
                .param("today", LocalDate.ofInstant(now, zone))
                .param("now", Sql.timestamp(now))
                .param("morePendingThan", morePendingThan)
                .query((rs, row) -> new Bottleneck(Sql.uuid(rs, "dept_id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("pending_count"), rs.getDouble("average_wait"), Sql.decimal(rs, "average_estimated_wait"),
                        rs.getInt("active_doctors")))
                .list();
    }
}
