package org.opd.orchestrator.queue;

import java.util.List;
import java.util.UUID;

/**
 * The live queues of every doctor of a department, read from the Redis projection.
 *
 * @param waitingCount the department's projected count of patients in line; null while not projected
 * @param doctors      one doctor's queue each, each read atomically on its own
 */
public record DepartmentQueueView(UUID deptId, Integer waitingCount, List<DoctorQueueView> doctors) {

    public DepartmentQueueView {
        doctors = List.copyOf(doctors);
    }
}
