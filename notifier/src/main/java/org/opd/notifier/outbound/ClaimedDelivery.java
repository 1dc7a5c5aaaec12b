package org.opd.notifier.outbound;

import java.net.URI;
import java.util.UUID;

/**
 * A delivery claimed for one attempt, with what it needs to go out. {@link #toString()} leaves out the
 * secret and the body.
 *
 * @param attempt this attempt's number, from 1
 */
record ClaimedDelivery(UUID deliveryId, UUID subscriptionId, UUID eventId, String eventType, String payload, int attempt,
                       URI targetUrl, String secret, boolean subscriptionActive) {

    @Override
    public String toString() {
        return "ClaimedDelivery[deliveryId=" + deliveryId + ", subscriptionId=" + subscriptionId + ", eventId=" + eventId
                + ", eventType=" + eventType + ", attempt=" + attempt + "]";
    }
}
