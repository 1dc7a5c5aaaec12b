package org.opd.eta.topology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueuedToken;

/**
 * What screens were last shown for a doctor, so that a recomputation publishes only when it changes
 * something (or when the doctor's status in Redis needs its expiry pushed back).
 *
 * @param publishedAt when that snapshot was published
 */
record PublishedView(DoctorStatus doctorStatus, UUID currentTokenId, List<QueuedToken> waiting, Instant publishedAt) {

    PublishedView {
        waiting = List.copyOf(waiting);
    }

    boolean sameAs(PublishedView other) {
        return other != null && doctorStatus == other.doctorStatus
                && java.util.Objects.equals(currentTokenId, other.currentTokenId) && waiting.equals(other.waiting);
    }
}
