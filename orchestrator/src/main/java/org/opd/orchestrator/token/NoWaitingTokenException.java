package org.opd.orchestrator.token;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;

/** Nobody is waiting for the doctor. */
public class NoWaitingTokenException extends NotFoundException {

    NoWaitingTokenException(UUID doctorId) {
        super("no-waiting-token", "Nobody is waiting", "No token is waiting for doctor " + doctorId, Map.of());
    }
}
