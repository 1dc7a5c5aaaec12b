package org.opd.orchestrator.token;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;

/** The doctor's shift holds as many tokens as the doctor sees in one session. */
public class SessionTokenLimitReachedException extends ConflictException {

    SessionTokenLimitReachedException(UUID doctorId, UUID assignmentId, int maxTokensPerSession) {
        super("session-token-limit-reached", "Session token limit reached",
                "Doctor " + doctorId + " already has " + maxTokensPerSession + " tokens in shift " + assignmentId,
                Map.of("maxTokensPerSession", maxTokensPerSession, "assignmentId", assignmentId.toString()));
    }
}
