package org.opd.eta.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;

/**
 * Decides what waiting patients should be told after a change of their doctor's queue: that they
 * are three from the front (once), that they are called (once per call), and that their
 * consultation slipped by more than the threshold past what they were last told (once per slip).
 */
final class PatientNotices {

    static final int T_MINUS_POSITION = 3;

    private final Duration delayThreshold;

    PatientNotices(Duration delayThreshold) {
        this.delayThreshold = delayThreshold;
    }

    /** The requests to send and the queue remembering what was told. */
    record Outcome(DoctorQueue queue, List<NotificationRequest> requests) {
    }

    /**
     * @param calledIn the tokens called in since the last snapshot; one already in the cabin by now (called and
     *                 started within one publish interval) is not sent a CALL_NOW: the patient is already in
     */
    Outcome decide(DoctorQueue queue, QueueSnapshot snapshot, Collection<UUID> calledIn) {
        Instant now = snapshot.asOf();
        List<NotificationRequest> requests = new ArrayList<>();
        List<TrackedToken> tokens = new ArrayList<>(queue.tokens());
        for (QueuedToken shown : snapshot.waiting()) {
            int index = indexOf(tokens, shown.tokenId());
            TrackedToken token = tokens.get(index);
            if (token.calledTime() != null) {
                continue;
            }
            if (shown.position() <= T_MINUS_POSITION && !token.toldTMinus3()) {
                requests.add(request(NotificationType.T_MINUS_3, queue, token, shown, now, null));
                token = token.markToldTMinus3();
            }
            Instant expectedStart = now.plus(Duration.ofMinutes(shown.etaMinutesP50()));
            if (token.promisedStart() == null) {
                Instant checkedIn = token.checkInTime() != null ? token.checkInTime() : now;
                // A wait is long past the P90 shown, and never before the delay threshold: "now" at a free doctor
                // (P90 0) must not be a long wait a minute later.
                Duration longAfter = Duration.ofMinutes(shown.etaMinutesP90());
                token = token.promised(expectedStart, checkedIn.plus(longAfter.compareTo(delayThreshold) < 0 ? delayThreshold : longAfter));
            } else if (Duration.between(token.promisedStart(), expectedStart).compareTo(delayThreshold) > 0) {
                int delay = (int) Duration.between(token.promisedStart(), expectedStart).toMinutes();
                requests.add(request(NotificationType.DOCTOR_DELAYED, queue, token, shown, now, delay));
                token = token.promised(expectedStart, token.longWaitAt());
            }
            tokens.set(index, token);
        }
        for (QueuedToken shown : snapshot.waiting()) {
            if (calledIn.contains(shown.tokenId())) {
                requests.add(request(NotificationType.CALL_NOW, queue, tokens.get(indexOf(tokens, shown.tokenId())), shown, now, null));
            }
        }
        return new Outcome(queue.withTokens(tokens), requests);
    }

    private static NotificationRequest request(NotificationType type, DoctorQueue queue, TrackedToken token, QueuedToken shown,
            Instant now, Integer delayMinutes) {
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, UUID.randomUUID(), type, now,
                token.tokenId(), token.tokenNumber(), token.patientId(), queue.doctorId(), queue.deptId(), token.cabinId(),
                shown.position(), type == NotificationType.CALL_NOW ? null : shown.etaMinutesP50(), delayMinutes);
    }

    private static int indexOf(List<TrackedToken> tokens, UUID tokenId) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).tokenId().equals(tokenId)) {
                return i;
            }
        }
        throw new IllegalStateException("Token " + tokenId + " is shown in line but not in the queue state");
    }
}
