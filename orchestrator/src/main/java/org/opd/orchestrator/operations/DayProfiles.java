package org.opd.orchestrator.operations;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds {@link DayProfile}s from the tokens of the day (each step's time as the token recorded it). */
@Service
public class DayProfiles {

    private final JdbcClient jdbc;
    private final HospitalRepository hospitals;
    private final DepartmentRepository departments;

    DayProfiles(JdbcClient jdbc, HospitalRepository hospitals, DepartmentRepository departments) {
        this.jdbc = jdbc;
        this.hospitals = hospitals;
        this.departments = departments;
    }

    /** @param deptId narrows it to one department of the hospital when given */
    @Transactional(readOnly = true)
    public DayProfile of(UUID hospitalId, LocalDate date, UUID deptId) {
        Hospital hospital = hospitals.require(hospitalId);
        if (deptId != null && !departments.require(deptId).hospitalId().equals(hospitalId)) {
            throw new NotFoundException("department", deptId);
        }
        ZoneId zone = hospital.zone();
        TreeMap<Integer, int[]> counts = new TreeMap<>();
        Map<Integer, Double> waits = new TreeMap<>();
        jdbc.sql("""
                        SELECT EXTRACT(HOUR FROM step.at AT TIME ZONE :zone)::int AS hour, step.kind, count(*) AS n,
                               avg(step.wait_minutes) AS average_wait
                        FROM tokens t
                        CROSS JOIN LATERAL (VALUES
                            ('CHECKED_IN', t.check_in_time, NULL::float8),
                            ('STARTED', t.consultation_start_time,
                                 EXTRACT(EPOCH FROM t.consultation_start_time - t.check_in_time) / 60),
                            ('COMPLETED', CASE WHEN t.status = 'COMPLETED' THEN t.consultation_end_time END, NULL::float8)
                        ) AS step(kind, at, wait_minutes)
                        WHERE t.hospital_id = :hospitalId AND t.service_date = :date AND step.at IS NOT NULL
                          AND (CAST(:deptId AS uuid) IS NULL OR t.dept_id = :deptId)
                        GROUP BY 1, 2
                        """)
                .param("zone", zone.getId()).param("hospitalId", hospitalId).param("date", date).param("deptId", deptId)
                .query(rs -> {
                    int hour = rs.getInt("hour");
                    int step = switch (rs.getString("kind")) {
                        case "CHECKED_IN" -> 0;
                        case "STARTED" -> 1;
                        default -> 2;
                    };
                    counts.computeIfAbsent(hour, h -> new int[3])[step] = rs.getInt("n");
                    if (step == 1) {
                        waits.put(hour, rs.getDouble("average_wait"));
                    }
                });
        List<DayProfile.Hour> hours = new ArrayList<>();
        if (!counts.isEmpty()) {
            // Hours without any step in between are shown as zeros, so the charts' time axis has no gaps.
            for (int hour = counts.firstKey(); hour <= counts.lastKey(); hour++) {
                int[] n = counts.getOrDefault(hour, new int[3]);
                hours.add(new DayProfile.Hour(hour, n[0], n[1], n[2], waits.get(hour)));
            }
        }
        return new DayProfile(date, zone.getId(), hours);
    }
}
