package org.opd.orchestrator.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/**
 * What one doctor's day consisted of, as stored with each token event and shift change: the shifts
 * of the day and the timeline of every token issued for it.
 */
public record DoctorDayFacts(UUID doctorId, LocalDate day, ZoneId zone, List<Session> sessions, List<Visit> visits) {

    public DoctorDayFacts {
        sessions = List.copyOf(sessions);
        visits = List.copyOf(visits);
    }

    /**
     * One shift of the day.
     *
     * @param actualStart   null if the doctor never started it
     * @param actualEnd     null while it is on (or never ended)
     * @param plannedBreaks the breaks planned within it (V50), in any order
     */
    public record Session(Instant plannedStart, Instant plannedEnd, Instant actualStart, Instant actualEnd,
                          List<Break> plannedBreaks) {

        public Session {
            plannedBreaks = List.copyOf(plannedBreaks);
        }
    }

    /** A break planned within a session. */
    public record Break(Instant start, Instant end) {
    }

    /** One token of the day: its status and when it reached each step (null for steps not reached). */
    public record Visit(TokenStatus status, Instant checkInTime, Instant consultationStart, Instant consultationEnd) {
    }
}
