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
 * @param priorityArrivals      how often seniors and emergencies walk in, and until when walk-ins come
 */
public record DoctorHistory(
        List<Integer> consultationSeconds,
        List<Integer> gapSeconds,
        int lineStarts,
        int lineWalkouts,
        int bookedArrivals,
        int bookedNoShows,
        PriorityArrivals priorityArrivals) {

    /** How many recent consultations (and gaps) the model learns from. */
    public static final int WINDOW = 40;
    /** Gaps longer than this are breaks or idle time, not the call-and-walk-in between patients. */
    static final int LONGEST_GAP_SECONDS = 20 * 60;

    public static final DoctorHistory EMPTY = new DoctorHistory(List.of(), List.of(), 0, 0, 0, 0, PriorityArrivals.NONE);

    public DoctorHistory {
        consultationSeconds = List.copyOf(consultationSeconds);
        gapSeconds = List.copyOf(gapSeconds);
        priorityArrivals = priorityArrivals != null ? priorityArrivals : PriorityArrivals.NONE;
    }

    public DoctorHistory withConsultation(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return this;
        }
        return new DoctorHistory(appendBounded(consultationSeconds, (int) duration.toSeconds()), gapSeconds,
                lineStarts, lineWalkouts, bookedArrivals, bookedNoShows, priorityArrivals);
    }

    public DoctorHistory withGap(Duration gap) {
        if (gap.isNegative() || gap.toSeconds() > LONGEST_GAP_SECONDS) {
            return this;
        }
        return new DoctorHistory(consultationSeconds, appendBounded(gapSeconds, (int) Math.max(1, gap.toSeconds())),
                lineStarts, lineWalkouts, bookedArrivals, bookedNoShows, priorityArrivals);
    }

    public DoctorHistory withLineStart() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts + 1, lineWalkouts, bookedArrivals,
                bookedNoShows, priorityArrivals);
    }

    public DoctorHistory withLineWalkout() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts + 1, bookedArrivals,
                bookedNoShows, priorityArrivals);
    }

    public DoctorHistory withBookedNoShow() {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts, bookedArrivals,
                bookedNoShows + 1, priorityArrivals);
    }

    /** A check-in; {@code fromBooking} when the token had been booked before. */
    public DoctorHistory withCheckIn(Instant at, int priority, boolean fromBooking) {
        return new DoctorHistory(consultationSeconds, gapSeconds, lineStarts, lineWalkouts,
                bookedArrivals + (fromBooking ? 1 : 0), bookedNoShows, priorityArrivals.withCheckIn(at, priority, !fromBooking));
    }

    private static List<Integer> appendBounded(List<Integer> values, int value) {
        List<Integer> next = new ArrayList<>(values);
        next.add(value);
        return next.size() > WINDOW ? next.subList(next.size() - WINDOW, next.size()) : next;
    }
}
