package org.opd.eta;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.doctor.PlannedBreak;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * One doctor's morning as the orchestrator would publish it: tokens whose events carry
 * consistent statuses, timestamps and the doctor's configuration, and the doctor's shift events.
 * Times are minutes after 09:00 UTC.
 */
public final class DoctorDay {

    public static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    public final UUID doctorId = UUID.randomUUID();
    public final UUID deptId;
    public final UUID hospitalId = UUID.randomUUID();
    private final int avgConsultationMinutes;
    private final int bufferMinutes;
    private final UUID assignmentId = UUID.randomUUID();
    private Instant plannedStart;
    private Instant plannedEnd;
    private Instant actualStart;
    private List<PlannedBreak> plannedBreaks = List.of();

    public DoctorDay(int avgConsultationMinutes, int bufferMinutes) {
        this(UUID.randomUUID(), avgConsultationMinutes, bufferMinutes);
    }

    /** A doctor of an existing department. */
    public DoctorDay(UUID deptId, int avgConsultationMinutes, int bufferMinutes) {
        this.deptId = deptId;
        this.avgConsultationMinutes = avgConsultationMinutes;
        this.bufferMinutes = bufferMinutes;
    }

    public static Instant at(int minutesAfterNine) {
        return NINE.plus(Duration.ofMinutes(minutesAfterNine));
    }

    public String key() {
        return doctorId.toString();
    }

    /** Every later shift event carries a break planned from {@code fromMinute} to {@code toMinute}. */
    public DoctorDay withPlannedBreak(int fromMinute, int toMinute) {
        plannedBreaks = List.of(new PlannedBreak(at(fromMinute), at(toMinute)));
        return this;
    }

    /** The shift for today, planned from {@code startMinute} to {@code endMinute}, announced at {@code minute}. */
    public DoctorEvent shiftScheduled(int minute, int startMinute, int endMinute) {
        plannedStart = at(startMinute);
        plannedEnd = at(endMinute);
        return doctorEvent(DoctorEventType.SHIFT_SCHEDULED, minute, null, null);
    }

    public DoctorEvent shiftStarted(int minute) {
        actualStart = at(minute);
        return doctorEvent(DoctorEventType.SHIFT_STARTED, minute, null, null);
    }

    public DoctorEvent shiftEnded(int minute) {
        return doctorEvent(DoctorEventType.SHIFT_ENDED, minute, at(minute), null);
    }

    public DoctorEvent breakStarted(int minute, int backAtMinute) {
        return doctorEvent(DoctorEventType.BREAK_STARTED, minute, null, at(backAtMinute));
    }

    public DoctorEvent breakEnded(int minute) {
        return doctorEvent(DoctorEventType.BREAK_ENDED, minute, null, null);
    }

    private DoctorEvent doctorEvent(DoctorEventType type, int minute, Instant actualEnd, Instant breakEndsAt) {
        return new DoctorEvent(DoctorEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at(minute), doctorId, deptId, hospitalId,
                null, assignmentId, NINE.atZone(java.time.ZoneOffset.UTC).toLocalDate(), plannedStart, plannedEnd, actualStart,
                actualEnd, breakEndsAt, avgConsultationMinutes, bufferMinutes, plannedBreaks);
    }

    public Token token(String tokenNumber, int priority) {
        return new Token(tokenNumber, priority);
    }

    /** A token's life; each call returns the event of the next step and remembers it. */
    public final class Token {
        public final UUID tokenId = UUID.randomUUID();
        public final String tokenNumber;
        private final int priority;
        private TokenStatus status;
        private Instant checkInTime;
        private Instant calledTime;
        private Instant consultationStartTime;

        private Token(String tokenNumber, int priority) {
            this.tokenNumber = tokenNumber;
            this.priority = priority;
        }

        public TokenEvent issued(int minute) {
            return next(TokenEventType.TOKEN_ISSUED, TokenStatus.BOOKED, minute);
        }

        public TokenEvent checkedIn(int minute) {
            checkInTime = at(minute);
            return next(TokenEventType.TOKEN_CHECKED_IN, TokenStatus.CHECKED_IN, minute);
        }

        public TokenEvent queued(int minute) {
            return next(TokenEventType.TOKEN_QUEUED, TokenStatus.WAITING, minute);
        }

        public TokenEvent called(int minute) {
            calledTime = at(minute);
            return next(TokenEventType.TOKEN_CALLED, TokenStatus.WAITING, minute);
        }

        public TokenEvent started(int minute) {
            consultationStartTime = at(minute);
            return next(TokenEventType.CONSULTATION_STARTED, TokenStatus.IN_CONSULTATION, minute);
        }

        public TokenEvent completed(int minute) {
            return next(TokenEventType.TOKEN_COMPLETED, TokenStatus.COMPLETED, minute);
        }

        public TokenEvent noShow(int minute) {
            return next(TokenEventType.TOKEN_MARKED_NO_SHOW, TokenStatus.NO_SHOW, minute);
        }

        public TokenEvent cancelled(int minute) {
            return next(TokenEventType.TOKEN_CANCELLED, TokenStatus.CANCELLED, minute);
        }

        private TokenEvent next(TokenEventType type, TokenStatus newStatus, int minute) {
            TokenEvent event = new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at(minute),
                    tokenId, tokenNumber, UUID.randomUUID(), doctorId, deptId, hospitalId, null,
                    status, newStatus, priority, priority == 3 ? BookingType.EMERGENCY : BookingType.WALK_IN,
                    NINE, checkInTime, calledTime, consultationStartTime,
                    newStatus == TokenStatus.COMPLETED ? at(minute) : null,
                    avgConsultationMinutes, bufferMinutes);
            status = newStatus;
            return event;
        }
    }
}
