package org.opd.orchestrator.token.web;

import java.util.UUID;

import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.token.DoctorCalls;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallNextController {

    private final DoctorCalls calls;

    CallNextController(DoctorCalls calls) {
        this.calls = calls;
    }

    /** Calls the doctor's next waiting patient into the cabin and returns that token. */
    @PostMapping("/api/v1/doctors/{doctorId}/call-next")
    TokenResponse callNext(@PathVariable UUID doctorId, Caller caller) {
        return TokenResponse.of(calls.callNext(doctorId, caller.subjectId()), LivePosition.UNKNOWN);
    }
}
