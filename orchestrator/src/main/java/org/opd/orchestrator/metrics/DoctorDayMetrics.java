package org.opd.orchestrator.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

import org.opd.orchestrator.metrics.DoctorDayFacts.Session;
import org.opd.orchestrator.metrics.DoctorDayFacts.Visit;
import org.opd.schemas.token.TokenStatus;

/**
 * One row of {@code doctor_performance_metrics} (spec 004), and how it follows from a day's facts:
 * <ul>
 * <li>scheduled: the tokens holding a place that day (all but the cancelled and the rescheduled); completed and no-show by status;</li>
 * <li>average consultation: over completed consultations; average wait: check-in to consultation start, over
 *     those whose consultation started (minutes, two decimals);</li>
 * <li>first-patient delay: first consultation start after the first session's planned start (whole minutes, never negative);
 *     last-patient time: when the last consultation ended, in the hospital's time;</li>
 * <li>the working day runs from the first session's start (actual, else planned) to the last session's end (actual, else
 *     the last consultation's end, else planned); break time is the time between sessions within it, plus the breaks
 *     planned within the sessions as far as the doctor did not consult in them; idle time is the rest of the sessions
 *     outside consultations and breaks; utilization is consulting time over the sessions' time less their breaks, in
 *     percent.</li>
 * </ul>
 */
public record DoctorDayMetrics(UUID doctorId, LocalDate day, int tokensScheduled, int tokensCompleted, int tokensNoShow,
                               BigDecimal avgConsultationMinutes, BigDecimal avgWaitMinutes, Integer firstPatientDelayMinutes,
                               LocalTime lastPatientTime, int idleMinutes, int breakMinutes, BigDecimal utilizationPercent) {

    public static DoctorDayMetrics of(DoctorDayFacts facts) {
        List<Visit> visits = facts.visits();
        List<Visit> completed = visits.stream()
                .filter(v -> v.status() == TokenStatus.COMPLETED && v.consultationStart() != null && v.consultationEnd() != null)
                .toList();
        List<Visit> started = visits.stream().filter(v -> v.consultationStart() != null && v.checkInTime() != null).toList();
        List<Session> sessions = facts.sessions().stream().sorted(Comparator.comparing(Session::plannedStart)).toList();

        Instant firstStart = started.stream().map(Visit::consultationStart).min(Comparator.naturalOrder()).orElse(null);
        Instant lastEnd = completed.stream().map(Visit::consultationEnd).max(Comparator.naturalOrder()).orElse(null);
        Integer firstDelay = sessions.isEmpty() || firstStart == null ? null
                : (int) Math.max(0, Duration.between(sessions.get(0).plannedStart(), firstStart).toMinutes());

        Duration consulting = completed.stream().map(v -> Duration.between(v.consultationStart(), v.consultationEnd()))
                .reduce(Duration.ZERO, Duration::plus);
        Duration breaks = Duration.ZERO;
        Duration working = Duration.ZERO;
        for (int i = 0; i < sessions.size(); i++) {
            boolean last = i == sessions.size() - 1;
            Instant start = startOf(sessions.get(i));
            Instant end = endOf(sessions.get(i), last ? lastEnd : null);
            Duration breakTaken = plannedBreaksTaken(sessions.get(i), start, end, completed);
            working = working.plus(positive(Duration.between(start, end))).minus(breakTaken);
            breaks = breaks.plus(breakTaken);
            if (!last) {
                breaks = breaks.plus(positive(Duration.between(end, startOf(sessions.get(i + 1)))));
            }
        }
        Duration idle = positive(working.minus(consulting));

        return new DoctorDayMetrics(facts.doctorId(), facts.day(),
                (int) visits.stream().filter(v -> v.status() != TokenStatus.CANCELLED && v.status() != TokenStatus.RESCHEDULED).count(),
                completed.size(),
                (int) visits.stream().filter(v -> v.status() == TokenStatus.NO_SHOW).count(),
                minutes(completed.stream().mapToLong(v -> Duration.between(v.consultationStart(), v.consultationEnd()).toSeconds()).average()),
                minutes(started.stream().mapToLong(v -> Duration.between(v.checkInTime(), v.consultationStart()).toSeconds()).average()),
                firstDelay,
                lastEnd == null ? null : lastEnd.atZone(facts.zone()).toLocalTime().withNano(0),
                (int) idle.toMinutes(), (int) breaks.toMinutes(),
                // In milliseconds: a session of under a second (a quick test, a start then an end) has no utilization.
                working.toMillis() == 0 ? null : BigDecimal.valueOf(consulting.toMillis() * 100.0 / working.toMillis())
                        .setScale(2, RoundingMode.HALF_UP));
    }

    /** The session's planned breaks within its worked span, less the consultations the doctor held in them. */
    private static Duration plannedBreaksTaken(Session session, Instant start, Instant end, List<Visit> completed) {
        Duration taken = Duration.ZERO;
        for (DoctorDayFacts.Break planned : session.plannedBreaks()) {
            Instant from = later(planned.start(), start);
            Instant to = earlier(planned.end(), end);
            Duration consultedInIt = completed.stream()
                    .map(v -> overlap(from, to, v.consultationStart(), v.consultationEnd()))
                    .reduce(Duration.ZERO, Duration::plus);
            taken = taken.plus(positive(overlap(from, to, from, to).minus(consultedInIt)));
        }
        return taken;
    }

    private static Duration overlap(Instant from, Instant to, Instant otherFrom, Instant otherTo) {
        return positive(Duration.between(later(from, otherFrom), earlier(to, otherTo)));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant startOf(Session session) {
        return Objects.requireNonNullElse(session.actualStart(), session.plannedStart());
    }

    /** The session's end: actual, else (for the day's last session) the last consultation's end, else planned. */
    private static Instant endOf(Session session, Instant lastConsultationEnd) {
        if (session.actualEnd() != null) {
            return session.actualEnd();
        }
        return lastConsultationEnd != null ? lastConsultationEnd : session.plannedEnd();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static BigDecimal minutes(OptionalDouble seconds) {
        return seconds.isPresent() ? BigDecimal.valueOf(seconds.getAsDouble() / 60).setScale(2, RoundingMode.HALF_UP) : null;
    }
}
