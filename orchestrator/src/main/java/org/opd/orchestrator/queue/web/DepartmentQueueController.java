package org.opd.orchestrator.queue.web;

import java.util.UUID;

import org.opd.orchestrator.queue.DepartmentQueueView;
import org.opd.orchestrator.queue.DepartmentQueues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DepartmentQueueController {

    private final DepartmentQueues queues;

    DepartmentQueueController(DepartmentQueues queues) {
        this.queues = queues;
    }

    /** Live, from Redis, for every doctor of the department today; an unknown department is a 404. */
    @GetMapping("/api/v1/departments/{deptId}/queue")
    DepartmentQueueView queue(@PathVariable UUID deptId) {
        return queues.read(deptId);
    }
}
