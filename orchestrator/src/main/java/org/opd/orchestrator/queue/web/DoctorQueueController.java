package org.opd.orchestrator.queue.web;

import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.queue.DoctorQueueView;
import org.opd.orchestrator.queue.LiveQueueReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DoctorQueueController {

    private final DoctorRepository doctors;
    private final LiveQueueReader queues;

    DoctorQueueController(DoctorRepository doctors, LiveQueueReader queues) {
        this.doctors = doctors;
        this.queues = queues;
    }

    /** Live, from Redis; an unknown doctor is a 404 rather than an empty queue. */
    @GetMapping("/api/v1/doctors/{doctorId}/queue")
    DoctorQueueView queue(@PathVariable UUID doctorId) {
        doctors.requireExists(doctorId);
        return queues.doctorQueue(doctorId);
    }
}
