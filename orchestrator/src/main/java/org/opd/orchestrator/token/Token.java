package org.opd.orchestrator.token;

import static org.opd.schemas.token.TokenStatus.BOOKED;
import static org.opd.schemas.token.TokenStatus.CANCELLED;
import static org.opd.schemas.token.TokenStatus.CHECKED_IN;
import static org.opd.schemas.token.TokenStatus.COMPLETED;
import static org.opd.schemas.token.TokenStatus.IN_CONSULTATION;
import static org.opd.schemas.token.TokenStatus.NO_SHOW;
import static org.opd.schemas.token.TokenStatus.RESCHEDULED;
import static org.opd.schemas.token.TokenStatus.WAITING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.IllegalTransitionException;
import org.opd.orchestrator.hospital.Coordinates;
import org.opd.orchestrator.hospital.Geofence;
import org.opd.schemas.token.PriorityHeadStart;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * A patient's queue token: the aggregate that owns the token's life. Each intention method
 * checks the move against {@link TokenStatus#canMoveTo} (the one table of allowed moves),
 * changes the token and records a {@link TokenChange}; a refused move throws
 * {@link IllegalTransitionException} and changes nothing.
 */
public final class Token {

    private static final String RESOURCE = "token";

    private TokenBooking booking;
    private long version;
    private TokenStatus status;
    private TokenTimeline timeline;
    private String cancellationReason;
    private final List<TokenChange> changes = new ArrayList<>();

    private Token(TokenBooking booking, TokenStatus status, TokenTimeline timeline, String cancellationReason, long version) {
        this.booking = booking;
        this.status = status;
        this.timeline = timeline;
        this.cancellationReason = cancellationReason;
        this.version = version;
    }

    public static Token issue(TokenBooking booking, Instant now) {
        Token token = new Token(booking, BOOKED, TokenTimeline.NOT_STARTED, null, 0);
        token.changes.add(new TokenChange(TokenEventType.TOKEN_ISSUED, null, BOOKED, now, null, Map.of()));
        return token;
    }

    /** The token as stored, at the given version. */
    public static Token restore(TokenBooking booking, TokenStatus status, TokenTimeline timeline,
                                String cancellationReason, long version) {
        return new Token(booking, status, timeline, cancellationReason, version);
    }

    /**
     * The patient arrived; refused outside the hospital's geofence. The token takes its place in the
     * line by its priority's head start (the fairness bound).
     */
    public void checkIn(Coordinates at, Geofence geofence, PriorityHeadStart headStart, Instant now) {
        requireMove(CHECKED_IN, "check-in");
        long distance = Math.round(geofence.distanceMetersTo(at));
        if (!geofence.contains(at)) {
            throw new OutsideGeofenceException(booking.tokenId(), distance, geofence.radiusMeters());
        }
        timeline = timeline.checkedIn(now, at, headStart.placeOf(booking.priority(), now));
        moveTo(CHECKED_IN, TokenEventType.TOKEN_CHECKED_IN, now, null,
                Map.of("latitude", at.latitude(), "longitude", at.longitude(), "distanceMeters", distance));
    }

    /** Triage is done; the patient waits to be called. */
    public void markWaiting(Instant now) {
        requireMove(WAITING, "wait");
        moveTo(WAITING, TokenEventType.TOKEN_QUEUED, now, null, Map.of());
    }

    /** The doctor calls the patient into the cabin. The token stays WAITING until the consultation starts. */
    public void call(Instant now) {
        if (status != WAITING) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "call");
        }
        if (timeline.calledTime() != null) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "call",
                    "Token " + booking.tokenId() + " has already been called");
        }
        timeline = timeline.called(now);
        record(TokenEventType.TOKEN_CALLED, WAITING, WAITING, now, null, Map.of());
    }

    /** The called patient is with the doctor. */
    public void startConsultation(Instant now) {
        requireMove(IN_CONSULTATION, "start");
        if (timeline.calledTime() == null) {
            // Only call-next decides who enters the cabin, so one doctor never sees two patients at once.
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "start",
                    "Token " + booking.tokenId() + " has not been called into the cabin");
        }
        timeline = timeline.consultationStarted(now);
        moveTo(IN_CONSULTATION, TokenEventType.CONSULTATION_STARTED, now, null, Map.of());
    }

    public void complete(Instant now) {
        requireMove(COMPLETED, "complete");
        timeline = timeline.consultationEnded(now);
        moveTo(COMPLETED, TokenEventType.TOKEN_COMPLETED, now, null, Map.of());
    }

    public void markNoShow(String reason, Instant now) {
        requireMove(NO_SHOW, "no-show");
        moveTo(NO_SHOW, TokenEventType.TOKEN_MARKED_NO_SHOW, now, reason, Map.of());
    }

    public void cancel(String reason, Instant now) {
        requireMove(CANCELLED, "cancel");
        cancellationReason = reason;
        moveTo(CANCELLED, TokenEventType.TOKEN_CANCELLED, now, reason, Map.of());
    }

    /**
     * The patient was called in but has not come within the grace period: the automatic no-show.
     * Refused once the consultation started or the token left the line.
     */
    public void markNoShowAfterCall(Duration grace, Instant now) {
        if (status != WAITING || timeline.calledTime() == null || now.isBefore(timeline.calledTime().plus(grace))) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "no-show",
                    "Token " + booking.tokenId() + " is not waiting past the " + grace + " grace period after a call");
        }
        moveTo(NO_SHOW, TokenEventType.TOKEN_MARKED_NO_SHOW, now, "Did not come in within " + grace + " of the call",
                Map.of("automatic", true, "graceSeconds", grace.toSeconds()));
    }

    /** The visit moves to another time; the token that replaces this one is {@code replacement}. */
    public void reschedule(String reason, UUID replacement, Instant now) {
        requireMove(RESCHEDULED, "reschedule");
        moveTo(RESCHEDULED, TokenEventType.TOKEN_RESCHEDULED, now, reason, Map.of("rescheduledTo", replacement.toString()));
    }

    /**
     * The token moves to another doctor's shift (its doctor is away), keeping its status, number,
     * priority and check-in time, so it takes its place in the new line by the same call order.
     * Only a token still waiting to be called can move.
     *
     * @param expectedWaitMinutes the wait the patient is told in the new line
     */
    public void reassign(UUID doctorId, UUID cabinId, UUID assignmentId, int expectedWaitMinutes, Instant now) {
        if (status.isFinal() || status == IN_CONSULTATION || timeline.calledTime() != null) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "reassign",
                    "Token " + booking.tokenId() + " is no longer waiting to be called");
        }
        TokenChange.Handover handover = new TokenChange.Handover(booking.doctorId(), booking.cabinId(), doctorId,
                expectedWaitMinutes);
        booking = booking.movedTo(doctorId, cabinId, assignmentId);
        changes.add(new TokenChange(TokenEventType.TOKEN_REASSIGNED, status, status, now, null,
                Map.of("fromDoctorId", handover.fromDoctorId().toString(), "toDoctorId", doctorId.toString(),
                        "expectedWaitMinutes", expectedWaitMinutes), handover));
    }

    /**
     * The patient stepped out, or was called and has not come: the token leaves the line, keeping its
     * status, until recalled. A call it had is undone, so the doctor can call the next patient.
     */
    public void park(String reason, Instant now) {
        if (!status.isInLine() || timeline.parkedAt() != null) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "park",
                    "Token " + booking.tokenId() + " is not in the line" + (timeline.parkedAt() != null ? " (already parked)" : ""));
        }
        boolean wasCalled = timeline.calledTime() != null;
        timeline = timeline.parked(now);
        record(TokenEventType.TOKEN_PARKED, status, status, now, reason, Map.of("callUndone", wasCalled));
    }

    /** The parked patient is back; the token rejoins the line at {@code place} (see {@link LineEnd}). */
    public void recall(LineEnd end, Instant place, Instant now) {
        if (timeline.parkedAt() == null) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "recall",
                    "Token " + booking.tokenId() + " is not parked");
        }
        Instant parkedAt = timeline.parkedAt();
        timeline = timeline.placed(place);
        record(TokenEventType.TOKEN_RECALLED, status, status, now, null,
                Map.of("end", end.name(), "parkedAt", parkedAt.toString(), "linePlaceAt", place.toString()));
    }

    /**
     * Staff send the patient to another doctor or department (for an ECG, and back): the token moves to
     * that doctor's shift keeping its number, status and history, at {@code place} in the new line. A
     * token in line may move, called in too (the ECG is done in the technician's cabin, then the patient
     * goes back): the call is undone. Not a parked one (recall it first), nor one in consultation.
     *
     * @param expectedWaitMinutes the wait the patient is told in the new line
     */
    public void transfer(Destination to, Instant place, int expectedWaitMinutes, Instant now) {
        if (!status.isInLine() || timeline.parkedAt() != null) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), "transfer",
                    "Token " + booking.tokenId() + " is not in line"
                            + (timeline.parkedAt() != null ? " (it is parked: recall it first)" : ""));
        }
        TokenChange.Handover handover = new TokenChange.Handover(booking.doctorId(), booking.cabinId(), to.doctorId(),
                expectedWaitMinutes);
        Map<String, Object> details = Map.of("transfer", true, "fromDoctorId", booking.doctorId().toString(),
                "fromDeptId", booking.deptId().toString(), "toDoctorId", to.doctorId().toString(),
                "toDeptId", to.deptId().toString(), "linePlaceAt", place.toString(), "expectedWaitMinutes", expectedWaitMinutes,
                "callUndone", timeline.calledTime() != null);
        booking = booking.transferredTo(to);
        timeline = timeline.placedAnew(place);
        changes.add(new TokenChange(TokenEventType.TOKEN_TRANSFERRED, status, status, now, null, details, handover));
    }

    /** Where a transfer sends a token: a doctor's shift, in its cabin and department. */
    public record Destination(UUID doctorId, UUID deptId, UUID cabinId, UUID assignmentId) {
    }

    private void requireMove(TokenStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(RESOURCE, booking.tokenId(), status.name(), action);
        }
    }

    private void moveTo(TokenStatus next, TokenEventType type, Instant now, String reason, Map<String, Object> details) {
        TokenStatus previous = status;
        status = next;
        record(type, previous, next, now, reason, details);
    }

    private void record(TokenEventType type, TokenStatus previous, TokenStatus next, Instant now, String reason,
                        Map<String, Object> details) {
        changes.add(new TokenChange(type, previous, next, now, reason, details));
    }

    public TokenBooking booking() {
        return booking;
    }

    public TokenStatus status() {
        return status;
    }

    public TokenTimeline timeline() {
        return timeline;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    /** The version the token was loaded at, or, once saved, the version it was saved at. */
    public long version() {
        return version;
    }

    /** The token's changes are stored: it is one version newer. */
    void saved() {
        version++;
    }

    /** The changes accepted since the token was issued or restored, oldest first. */
    public List<TokenChange> changes() {
        return List.copyOf(changes);
    }
}
