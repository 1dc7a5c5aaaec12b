package org.opd.orchestrator.metrics;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;

/** No metrics row for the doctor and day: no shift nor token that day, or the job has not run since. */
class MetricsNotComputedException extends NotFoundException {

    MetricsNotComputedException(UUID doctorId, LocalDate day) {
        super("metrics-not-computed", "No metrics", "No metrics of doctor " + doctorId + " for " + day
                + ": no shift nor token that day, or not refreshed yet", Map.of("field", "date"));
    }
}
