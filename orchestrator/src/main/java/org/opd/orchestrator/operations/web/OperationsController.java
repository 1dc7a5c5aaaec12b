package org.opd.orchestrator.operations.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.operations.Bottleneck;
import org.opd.orchestrator.operations.DayProfile;
import org.opd.orchestrator.operations.DayProfiles;
import org.opd.orchestrator.operations.DoctorStatusEntry;
import org.opd.orchestrator.operations.LiveQueueEntry;
import org.opd.orchestrator.operations.OperationsQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Spec 004's views and bottleneck query for operators, for one hospital's today, from PostgreSQL. */
@RestController
@RequestMapping("/api/v1/hospitals/{hospitalId}")
class OperationsController {

    /** Spec 004's bottleneck query counts departments with more than 20 patients in line. */
    private static final String SPEC_THRESHOLD = "20";

    private final OperationsQueries queries;
    private final DayProfiles dayProfiles;

    OperationsController(OperationsQueries queries, DayProfiles dayProfiles) {
        this.queries = queries;
        this.dayProfiles = dayProfiles;
    }

    @GetMapping("/live-queue")
    List<LiveQueueEntry> liveQueue(@PathVariable UUID hospitalId, @RequestParam(required = false) UUID deptId,
                                   @RequestParam(required = false) UUID doctorId) {
        return queries.liveQueue(hospitalId, deptId, doctorId);
    }

    @GetMapping("/doctor-status")
    List<DoctorStatusEntry> doctorStatus(@PathVariable UUID hospitalId) {
        return queries.doctorStatus(hospitalId);
    }

    /** @param morePendingThan a department is listed when more patients than this are in line */
    @GetMapping("/bottlenecks")
    List<Bottleneck> bottlenecks(@PathVariable UUID hospitalId,
                                 @RequestParam(defaultValue = SPEC_THRESHOLD) @Min(0) @Max(10_000) int morePendingThan) {
        return queries.bottlenecks(hospitalId, morePendingThan);
    }

    /** @param date the day in the hospital's time zone; @param deptId one department only, when given */
    @GetMapping("/day-profile")
    DayProfile dayProfile(@PathVariable UUID hospitalId, @RequestParam LocalDate date, @RequestParam(required = false) UUID deptId) {
        return dayProfiles.of(hospitalId, date, deptId);
    }
}
