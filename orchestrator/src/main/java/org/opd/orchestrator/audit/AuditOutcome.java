package org.opd.orchestrator.audit;

/** How an audited request ended, from its HTTP status. */
public enum AuditOutcome {
    /** 1xx to 3xx: the caller got what they asked for. */
    ALLOWED,
    /** 401, 403, 429: the caller was not let in (unknown, not permitted, too many attempts). */
    REFUSED,
    /** Any other 4xx or a 5xx: let in, but the request did not succeed (invalid, not found, conflict, error). */
    FAILED;

    public static AuditOutcome of(int status) {
        if (status < 400) {
            return ALLOWED;
        }
        return status == 401 || status == 403 || status == 429 ? REFUSED : FAILED;
    }
}
