package org.opd.orchestrator.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The scheduled job behind {@code doctor_performance_metrics}: every refresh interval it recomputes, from
 * the stored token timelines and shifts (the facts each token and shift event carried), the rows of the
 * days still changing — yesterday, today and tomorrow in UTC, which cover every hospital's today — so a
 * day's row is final once the day is over. See {@link DoctorDayMetrics} for the definitions.
 */
@Service
public class DailyDoctorMetrics {

    private static final Logger log = LoggerFactory.getLogger(DailyDoctorMetrics.class);

    private final DoctorMetricsRepository repository;
    private final HospitalRepository hospitals;
    private final Clock clock;
    private final Timer refreshTime;

    DailyDoctorMetrics(DoctorMetricsRepository repository, HospitalRepository hospitals, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.hospitals = hospitals;
        this.clock = clock;
        this.refreshTime = Timer.builder("opd.doctor.metrics.refresh").description("One refresh of the daily doctor metrics")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${opd.orchestrator.doctor-metrics.refresh-interval}")
    public void refresh() {
        refreshTime.record(() -> {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            int rows = 0;
            for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
                for (UUID doctorId : repository.doctorsActiveOn(day)) {
                    refresh(doctorId, day);
                    rows++;
                }
            }
            log.debug("Doctor metrics refreshed: {} rows", rows);
        });
    }

    /** Recomputes one doctor's row of one day (in the hospital's time zone). */
    @Transactional
    public DoctorDayMetrics refresh(UUID doctorId, LocalDate day) {
        DoctorDayMetrics metrics = DoctorDayMetrics.of(repository.facts(doctorId, day,
                repository.zoneOf(doctorId).orElseThrow(() -> new NotFoundException("doctor", doctorId))));
        repository.upsert(metrics);
        return metrics;
    }

    /** The stored row; 404 for a day not computed (no shift nor token that day, or not yet refreshed). */
    @Transactional(readOnly = true)
    public DoctorDayMetrics require(UUID doctorId, LocalDate day) {
        repository.zoneOf(doctorId).orElseThrow(() -> new NotFoundException("doctor", doctorId));
        return repository.find(doctorId, day).orElseThrow(() -> new MetricsNotComputedException(doctorId, day));
    }

    /** The rows of the hospital's doctors for the day (in its time zone) as last computed; doctors without one are left out. */
    @Transactional(readOnly = true)
    public List<DoctorDayMetrics> ofHospital(UUID hospitalId, LocalDate day) {
        hospitals.require(hospitalId);
        return repository.ofHospital(hospitalId, day);
    }
}
