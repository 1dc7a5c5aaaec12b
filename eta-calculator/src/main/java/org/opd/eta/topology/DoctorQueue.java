package org.opd.eta.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.eta.estimate.DoctorHistory;
import org.opd.eta.estimate.ShiftState;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.PlannedBreak;
import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * One doctor's live queue as kept in the state store: every token that has not reached a final
 * status, the doctor's shift, what the ETA model learned, and what is needed to apply each
 * delivered event exactly once and in order.
 *
 * @param version                grows by one per published change
 * @param asOf                   the latest event or punctuation time seen, the "now" of the estimates
 * @param avgConsultationMinutes the doctor's configured average, from the latest event
 * @param bufferMinutes          the department's buffer, from the latest event
 * @param tokens                 booked, in line and in consultation
 * @param recentEventIds         the last {@link #REMEMBERED_EVENTS} applied event ids, oldest first
 * @param departedTokenIds       the last {@link #REMEMBERED_DEPARTURES} tokens that left, oldest first,
 *                               so that a late event cannot bring one back
 * @param shift                  the doctor's shift from doctor events
 * @param history                what the ETA model learns from
 * @param lastConsultationEnd    when the latest consultation ended
 * @param lastActiveAt           the latest consultation start or end, shift start or break end
 * @param openAlerts             keys of the alerts raised for this doctor and its tokens and not yet resolved
 * @param lastPublished          the latest published snapshot, to tell whether anything changed
 */
record DoctorQueue(
        UUID doctorId,
        UUID deptId,
        UUID hospitalId,
        long version,
        Instant asOf,
        int avgConsultationMinutes,
        int bufferMinutes,
        List<TrackedToken> tokens,
        List<UUID> recentEventIds,
        List<UUID> departedTokenIds,
        ShiftState shift,
        DoctorHistory history,
        Instant lastConsultationEnd,
        Instant lastActiveAt,
        List<String> openAlerts,
        PublishedView lastPublished) {

    /** Far more than the events a restarted upstream replays; bounds the state per doctor. */
    static final int REMEMBERED_EVENTS = 500;
    /** More than the tokens a doctor sees in a day. */
    static final int REMEMBERED_DEPARTURES = 500;

    /**
     * Call order: a token already called goes first (the patient is on the way in), then the
     * shared {@link CallOrder} that call-next uses.
     */
    static final Comparator<TrackedToken> CALL_ORDER = Comparator
            .comparing(TrackedToken::calledTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CallOrder.comparator(TrackedToken::priority, TrackedToken::checkInTime,
                    TrackedToken::tokenNumber, TrackedToken::tokenId));

    DoctorQueue {
        tokens = List.copyOf(tokens);
        recentEventIds = List.copyOf(recentEventIds);
        departedTokenIds = List.copyOf(departedTokenIds);
        shift = shift != null ? shift : ShiftState.UNKNOWN;
        history = history != null ? history : DoctorHistory.EMPTY;
        openAlerts = openAlerts != null ? List.copyOf(openAlerts) : List.of();
    }

    static DoctorQueue empty() {
        return new DoctorQueue(null, null, null, 0, null, 0, 0, List.of(), List.of(), List.of(),
                ShiftState.UNKNOWN, DoctorHistory.EMPTY, null, null, List.of(), null);
    }

    QueueUpdate apply(TokenEvent event) {
        if (event.eventId() == null || event.tokenId() == null || event.newStatus() == null || event.occurredAt() == null) {
            return new QueueUpdate.Ignored(QueueUpdate.Reason.MALFORMED);
        }
        if (recentEventIds.contains(event.eventId())) {
            return new QueueUpdate.Ignored(QueueUpdate.Reason.DUPLICATE);
        }
        Optional<TrackedToken> known = find(event.tokenId());
        if (departedTokenIds.contains(event.tokenId()) || known.filter(token -> token.isAheadOf(event)).isPresent()) {
            return new QueueUpdate.Ignored(QueueUpdate.Reason.STALE);
        }
        if (event.type() == TokenEventType.TOKEN_REASSIGNED_AWAY) {
            return new QueueUpdate.Applied(without(event), Optional.empty());
        }

        TrackedToken updated = known.map(token -> token.with(event)).orElseGet(() -> TrackedToken.from(event));
        TokenStatus before = known.map(TrackedToken::status).orElse(event.previousStatus());
        List<TrackedToken> nextTokens = new ArrayList<>(tokens);
        nextTokens.removeIf(token -> token.tokenId().equals(event.tokenId()));
        List<UUID> nextDeparted = departedTokenIds;
        Optional<TrackedToken> departed = Optional.empty();
        if (updated.status().isFinal()) {
            departed = Optional.of(updated);
            nextDeparted = appendBounded(departedTokenIds, event.tokenId(), REMEMBERED_DEPARTURES);
        } else {
            nextTokens.add(updated);
        }

        DoctorHistory nextHistory = history;
        Instant nextLastEnd = lastConsultationEnd;
        Instant nextActive = lastActiveAt;
        boolean wasInLine = before != null && before.isInLine();
        if (updated.status().isInLine() && !wasInLine) {
            Instant checkedInAt = updated.checkInTime() != null ? updated.checkInTime() : event.occurredAt();
            // Only a booking with a slot says something about bookings that never come; walk-ins are issued at the desk.
            nextHistory = nextHistory.withCheckIn(checkedInAt, updated.priority(),
                    before == TokenStatus.BOOKED && updated.scheduledTime() != null);
        }
        if (updated.status() == TokenStatus.IN_CONSULTATION && before != TokenStatus.IN_CONSULTATION) {
            Instant start = orElse(updated.consultationStartTime(), event.occurredAt());
            nextHistory = nextHistory.withLineStart();
            if (lastConsultationEnd != null && updated.checkInTime() != null && !updated.checkInTime().isAfter(lastConsultationEnd)) {
                // The patient was already waiting when the last consultation ended: the gap is the call and walk-in.
                nextHistory = nextHistory.withGap(Duration.between(lastConsultationEnd, start));
            }
            nextActive = latest(nextActive, start);
        }
        if (updated.status() == TokenStatus.COMPLETED && updated.consultationStartTime() != null) {
            Instant end = orElse(event.consultationEndTime(), event.occurredAt());
            nextHistory = nextHistory.withConsultation(Duration.between(updated.consultationStartTime(), end));
            nextLastEnd = latest(nextLastEnd, end);
            nextActive = latest(nextActive, end);
        }
        if (updated.status() == TokenStatus.NO_SHOW || updated.status() == TokenStatus.CANCELLED) {
            if (wasInLine) {
                nextHistory = nextHistory.withLineWalkout();
            } else if (before == TokenStatus.BOOKED) {
                nextHistory = nextHistory.withBookedNoShow();
            }
        }

        DoctorQueue next = new DoctorQueue(
                orElse(event.doctorId(), doctorId), orElse(event.deptId(), deptId), orElse(event.hospitalId(), hospitalId),
                version + 1, latest(asOf, event.occurredAt()), event.avgConsultationMinutes(), event.bufferMinutes(), nextTokens,
                appendBounded(recentEventIds, event.eventId(), REMEMBERED_EVENTS), nextDeparted,
                shift, nextHistory, nextLastEnd, nextActive, openAlerts, lastPublished);
        return new QueueUpdate.Applied(next, departed);
    }

    /**
     * The queue once the token has moved to another doctor's line. Not a departure: the token is not
     * over (its details in Redis now belong to the new doctor's line), and it may come back later.
     */
    private DoctorQueue without(TokenEvent event) {
        List<TrackedToken> nextTokens = tokens.stream().filter(token -> !token.tokenId().equals(event.tokenId())).toList();
        return new DoctorQueue(orElse(doctorId, event.doctorId()), orElse(deptId, event.deptId()),
                orElse(hospitalId, event.hospitalId()), version + 1, latest(asOf, event.occurredAt()),
                avgConsultationMinutes, bufferMinutes, nextTokens, appendBounded(recentEventIds, event.eventId(), REMEMBERED_EVENTS),
                departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, openAlerts, lastPublished);
    }

    QueueUpdate apply(DoctorEvent event) {
        if (event.eventId() == null || event.type() == null || event.occurredAt() == null) {
            return new QueueUpdate.Ignored(QueueUpdate.Reason.MALFORMED);
        }
        if (recentEventIds.contains(event.eventId())) {
            return new QueueUpdate.Ignored(QueueUpdate.Reason.DUPLICATE);
        }
        ShiftState s = shift;
        Instant nextActive = lastActiveAt;
        // A shift event without planned breaks (older producers) keeps the breaks already known.
        List<PlannedBreak> breaks = event.plannedBreaks().isEmpty() ? s.plannedBreaks() : event.plannedBreaks();
        ShiftState nextShift = switch (event.type()) {
            case SHIFT_SCHEDULED -> new ShiftState(event.plannedStart(), event.plannedEnd(), event.actualStart(), event.actualEnd(),
                    null, false, false, event.plannedBreaks(), s.lastBreakStartedAt());
            case SHIFT_STARTED -> new ShiftState(orElse(event.plannedStart(), s.plannedStart()), orElse(event.plannedEnd(), s.plannedEnd()),
                    orElse(event.actualStart(), event.occurredAt()), null, null, false, false, breaks, s.lastBreakStartedAt());
            case SHIFT_ENDED -> new ShiftState(s.plannedStart(), s.plannedEnd(), orElse(s.actualStart(), event.actualStart()),
                    orElse(event.actualEnd(), event.occurredAt()), null, false, s.cancelled(), breaks, s.lastBreakStartedAt());
            case SHIFT_CANCELLED -> new ShiftState(s.plannedStart(), s.plannedEnd(), s.actualStart(), s.actualEnd(), null, false, true,
                    breaks, s.lastBreakStartedAt());
            case BREAK_STARTED -> new ShiftState(s.plannedStart(), s.plannedEnd(), s.actualStart(), s.actualEnd(),
                    event.breakEndsAt(), true, s.cancelled(), breaks, event.occurredAt());
            case BREAK_ENDED -> new ShiftState(s.plannedStart(), s.plannedEnd(), s.actualStart(), s.actualEnd(), null, false, s.cancelled(),
                    breaks, s.lastBreakStartedAt());
        };
        if (event.type() == org.opd.schemas.doctor.DoctorEventType.SHIFT_STARTED) {
            nextActive = latest(nextActive, nextShift.actualStart());
        } else if (event.type() == org.opd.schemas.doctor.DoctorEventType.BREAK_ENDED) {
            nextActive = latest(nextActive, event.occurredAt());
        }
        DoctorQueue next = new DoctorQueue(
                orElse(event.doctorId(), doctorId), orElse(event.deptId(), deptId), orElse(event.hospitalId(), hospitalId),
                version + 1, latest(asOf, event.occurredAt()),
                event.avgConsultationMinutes() > 0 ? event.avgConsultationMinutes() : avgConsultationMinutes,
                event.bufferMinutes() > 0 ? event.bufferMinutes() : bufferMinutes,
                tokens, appendBounded(recentEventIds, event.eventId(), REMEMBERED_EVENTS), departedTokenIds,
                nextShift, history, lastConsultationEnd, nextActive, openAlerts, lastPublished);
        return new QueueUpdate.Applied(next, Optional.empty());
    }

    /** The queue as of a later moment (wall-clock punctuation); nothing else changes. */
    DoctorQueue at(Instant now) {
        return withAsOf(latest(asOf, now));
    }

    DoctorQueue withAsOf(Instant now) {
        return new DoctorQueue(doctorId, deptId, hospitalId, version, now, avgConsultationMinutes, bufferMinutes, tokens,
                recentEventIds, departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, openAlerts, lastPublished);
    }

    DoctorQueue withNextVersion() {
        return new DoctorQueue(doctorId, deptId, hospitalId, version + 1, asOf, avgConsultationMinutes, bufferMinutes, tokens,
                recentEventIds, departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, openAlerts, lastPublished);
    }

    DoctorQueue withTokens(List<TrackedToken> nextTokens) {
        return new DoctorQueue(doctorId, deptId, hospitalId, version, asOf, avgConsultationMinutes, bufferMinutes, nextTokens,
                recentEventIds, departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, openAlerts, lastPublished);
    }

    DoctorQueue withOpenAlerts(List<String> keys) {
        return new DoctorQueue(doctorId, deptId, hospitalId, version, asOf, avgConsultationMinutes, bufferMinutes, tokens,
                recentEventIds, departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, keys, lastPublished);
    }

    DoctorQueue withPublished(PublishedView view) {
        return new DoctorQueue(doctorId, deptId, hospitalId, version, asOf, avgConsultationMinutes, bufferMinutes, tokens,
                recentEventIds, departedTokenIds, shift, history, lastConsultationEnd, lastActiveAt, openAlerts, view);
    }

    /** The token in consultation, if any (the latest started, should two ever overlap). */
    Optional<TrackedToken> current() {
        return tokens.stream()
                .filter(token -> token.status() == TokenStatus.IN_CONSULTATION)
                .max(Comparator.comparing(TrackedToken::consultationStartTime, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Tokens in the waiting room, in call order. */
    List<TrackedToken> inLine() {
        return tokens.stream().filter(token -> token.status().isInLine()).sorted(CALL_ORDER).toList();
    }

    /** Tokens issued but not checked in, by token number. */
    List<TrackedToken> booked() {
        return tokens.stream()
                .filter(token -> token.status() == TokenStatus.BOOKED)
                .sorted(Comparator.comparing(TrackedToken::tokenNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private Optional<TrackedToken> find(UUID tokenId) {
        return tokens.stream().filter(token -> token.tokenId().equals(tokenId)).findFirst();
    }

    private static List<UUID> appendBounded(List<UUID> ids, UUID id, int bound) {
        List<UUID> next = new ArrayList<>(ids);
        next.add(id);
        return next.size() > bound ? next.subList(next.size() - bound, next.size()) : next;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
