package org.opd.orchestrator.metrics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.metrics.DailyDoctorMetrics;
import org.opd.orchestrator.metrics.DoctorDayMetrics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every doctor's performance of one day in a hospital, for the operations dashboard. */
@RestController
class HospitalDoctorMetricsController {

    private final DailyDoctorMetrics metrics;

    HospitalDoctorMetricsController(DailyDoctorMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param date the day in the hospital's time zone; doctors whose row is not computed yet are left out */
    @GetMapping("/api/v1/hospitals/{hospitalId}/doctor-metrics")
    List<DoctorDayMetrics> ofDay(@PathVariable UUID hospitalId, @RequestParam LocalDate date) {
        return metrics.ofHospital(hospitalId, date);
    }
}
