package org.opd.orchestrator.error;

import java.util.Map;
import java.util.UUID;

/**
 * The one refusal of a move a thing's current status does not allow (a token, a shift).
 * Nothing has changed when it is thrown.
 */
public class IllegalTransitionException extends ConflictException {

    private final String currentStatus;

    /**
     * @param resource      e.g. "token"
     * @param currentStatus the status the move was refused in
     * @param action        the refused move, e.g. "check-in"
     */
    public IllegalTransitionException(String resource, UUID id, String currentStatus, String action) {
        this(resource, id, currentStatus, action, "Cannot " + action + " " + resource + " " + id + " in status " + currentStatus);
    }

    /** @param detail why the move is refused, when the status alone does not say it */
    public IllegalTransitionException(String resource, UUID id, String currentStatus, String action, String detail) {
        super("illegal-transition", "Illegal transition", detail, Map.of("currentStatus", currentStatus, "action", action));
        this.currentStatus = currentStatus;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
