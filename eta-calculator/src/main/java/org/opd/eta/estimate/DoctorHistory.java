package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one doctor's past tells the ETA model, kept in the queue state and updated per event.
 * Bounded: recent windows only, so a doctor who speeds up is followed and the state stays small.
 *
 * @param consultationSeconds   durations of the latest completed consultations, oldest first
 * @param gapSeconds            latest gaps between a consultation's end and the next start while patients waited
 * @param lineStarts            tokens in line whose consultation started
 * @param lineWalkouts          tokens that left the line without a consultation (no-show, cancelled)
 * @param bookedArrivals        booked tokens that checked in
 * @param bookedNoShows         booked tokens that never checked in
 * @param priorityCheckIns      check-ins of senior and emergency tokens within {@link #RATE_WINDOW}, oldest first
 * @param observedSince         the first check-in this doctor's queue saw
 */
public record DoctorHistory(
        List<Integer> consultationSeconds,
        List<Integer> gapSeconds,
        int lineStarts,
        int lineWalkouts,
        int bookedArrivals,
        int bookedNoShows,
        List<PriorityCheckIn> priorityCheckIns,
        Instant observedSince) {

    /** How many recent consultations (and gaps) the model learns from. */
    public static final int WINDOW = 40;
    /** How far back check-ins count towards the rate of priority insertions. */
    public static final Duration RATE_WINDOW = Duration.ofHours(3);
    /** Gaps longer than this are breaks or idle time, not the call-and-walk-in between patients. */
    static final int LONGEST_GAP_SECONDS = 20 * 60;

    public static final DoctorHistory EMPTY = new DoctorHistory(List.of(), List.of(), 0, 0, 0, 0, List.of(), null);

    public DoctorHistory {
        consultationSeconds = List.copyOf(consultationSeconds);
        gapSeconds = List.copyOf(gapSeconds);
        priorityCheckIns = List.copyOf(priorityCheckIns);
    }

    /** @param at when a senior or emergency token checked in */
    public record PriorityCheckIn(Instant at, int priority) {
    }

    public DoctorHistory withConsultation(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return this;
        }
        return new DoctorHistory(appendBounded(consultationSeconds, (int) duration.toSeconds()), gapSeconds,
                lineStarts, lineWalkouts, bookedArrivals, bookedNoShows, priorityCheckIns, observedSince);
    }

    public DoctorHistory withGap(Duration gap) {
        if (gap.isNegative() || gap.toSeconds() > LONGEST_GAP_SECONDS) {
            return this;
        }
        return new DoctorHistory(consultationSeconds, appendBounded(gapSeconds, (int) Math.max(1, gap.toSeconds())),
                lineStarts, lineWalkouts, bookedArrivals, bookedNoShows, priorityCheckIns, observedSince);
    }

    public DoctorHistory withLineStart() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts + 1, lineWalkouts, bookedArrivals,
                bookedNoShows, priorityCheckIns, observedSince);
    }

    public DoctorHistory withLineWalkout() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts + 1, bookedArrivals,
                bookedNoShows, priorityCheckIns, observedSince);
    }

    public DoctorHistory withBookedNoShow() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts, bookedArrivals,
                bookedNoShows + 1, priorityCheckIns, observedSince);
    }

    /** A check-in; {@code fromBooking} when the token had been booked before. */
    public DoctorHistory withCheckIn(Instant at, int priority, boolean fromBooking) {
        List<PriorityCheckIn> recent = new ArrayList<>();
        for (PriorityCheckIn checkIn : priorityCheckIns) {
            if (checkIn.at().isAfter(at.minus(RATE_WINDOW))) {
                recent.add(checkIn);
            }
        }
        if (priority > 1) {
            recent.add(new PriorityCheckIn(at, priority));
        }
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts,
                bookedArrivals + (fromBooking ? 1 : 0), bookedNoShows, recent,
                observedSince == null || at.isBefore(observedSince) ? at : observedSince);
    }

    private static List<Integer> appendBounded(List<Integer> values, int value) {
        List<Integer> next = new ArrayList<>(values);
        next.add(value);
        return next.size() > WINDOW ? next.subList(next.size() - WINDOW, next.size()) : next;
    }
}
