package org.opd.orchestrator.booking;

import java.util.Map;

import org.opd.orchestrator.error.NotFoundException;

/** A link that opens no waitlist offer: forged, altered, or of something else. Says nothing more, and never quotes it. */
class OfferLinkNotFoundException extends NotFoundException {

    OfferLinkNotFoundException() {
        super("not-found", "Not found", "No waitlist offer has this link", Map.of("resource", "waitlist offer"));
    }
}
