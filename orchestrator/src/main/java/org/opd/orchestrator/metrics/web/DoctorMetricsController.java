package org.opd.orchestrator.metrics.web;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.orchestrator.metrics.DailyDoctorMetrics;
import org.opd.orchestrator.metrics.DoctorDayMetrics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One doctor's performance of one day (spec 004's {@code doctor_performance_metrics}), as the job last computed it. */
@RestController
@RequestMapping("/api/v1/doctors/{doctorId}/metrics")
class DoctorMetricsController {

    private final DailyDoctorMetrics metrics;

    DoctorMetricsController(DailyDoctorMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param date the day in the hospital's time zone */
    @GetMapping
    DoctorDayMetrics ofDay(@PathVariable UUID doctorId, @RequestParam LocalDate date) {
        return metrics.require(doctorId, date);
    }
}
