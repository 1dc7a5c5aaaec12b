package org.opd.orchestrator.status;

import java.util.Map;

import org.opd.orchestrator.error.NotFoundException;

/** A status link that opens to no token, or whose token ended longer ago than the grace period. */
class StatusLinkNotFoundException extends NotFoundException {

    private StatusLinkNotFoundException(String type, String title, String detail) {
        // The link itself is not quoted: it is the patient's credential.
        super(type, title, detail, Map.of("resource", "status link"));
    }

    static StatusLinkNotFoundException unknown() {
        return new StatusLinkNotFoundException("status-link-unknown", "Unknown status link", "This link is not a token's status link");
    }

    static StatusLinkNotFoundException expired() {
        return new StatusLinkNotFoundException("status-link-expired", "Status link expired",
                "This token's visit has ended; its status link no longer works");
    }
}
