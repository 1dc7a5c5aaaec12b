package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How often seniors and emergencies check in with one doctor (they go ahead of the line): the
 * check-ins of the last {@link #RATE_WINDOW}, which follow the morning as it goes, and a long-run tally
 * over the doctor's past mornings, which tells what to expect before today has shown much. Nights do
 * not count as observed time, and the tally forgets slowly, so a doctor whose patients change is followed.
 *
 * @param recent        senior and emergency check-ins within {@link #RATE_WINDOW} of the latest, oldest first
 * @param observedSince the first check-in of the current spell: a check-in after more than
 *                      {@link #RATE_WINDOW} without any (the next morning) starts a new one
 * @param lastCheckIn   the latest check-in of any priority
 * @param activeHours   hours between check-ins within spells, over the tally
 * @param seniors       senior check-ins over the tally
 * @param emergencies   emergency check-ins over the tally
 */
public record PriorityArrivals(
        List<CheckIn> recent,
        Instant observedSince,
        Instant lastCheckIn,
        double activeHours,
        double seniors,
        double emergencies) {

    /** How far back check-ins count towards today's rate. */
    public static final Duration RATE_WINDOW = Duration.ofHours(3);
    /** Once the tally spans this many active hours (about ten mornings), it is halved: older mornings fade. */
    static final double TALLY_HOURS = 40;

    public static final PriorityArrivals NONE = new PriorityArrivals(List.of(), null, null, 0, 0, 0);

    public PriorityArrivals {
        recent = recent != null ? List.copyOf(recent) : List.of();
    }

    /** @param at when a senior or emergency token checked in */
    public record CheckIn(Instant at, int priority) {
    }

    PriorityArrivals withCheckIn(Instant at, int priority) {
        List<CheckIn> nextRecent = new ArrayList<>();
        for (CheckIn checkIn : recent) {
            if (checkIn.at().isAfter(at.minus(RATE_WINDOW))) {
                nextRecent.add(checkIn);
            }
        }
        if (priority > 1) {
            nextRecent.add(new CheckIn(at, priority));
        }
        // Overnight nobody checks in: counting those hours would make seniors and emergencies look rare.
        boolean afterQuietSpell = lastCheckIn != null && at.isAfter(lastCheckIn.plus(RATE_WINDOW));
        Instant since = observedSince == null || afterQuietSpell || at.isBefore(observedSince) ? at : observedSince;
        Instant latest = lastCheckIn == null || at.isAfter(lastCheckIn) ? at : lastCheckIn;
        double hours = activeHours + (lastCheckIn == null || afterQuietSpell ? 0 : Math.max(0, hoursBetween(lastCheckIn, at)));
        double nextSeniors = seniors + (priority == 2 ? 1 : 0);
        double nextEmergencies = emergencies + (priority >= 3 ? 1 : 0);
        double fade = hours > TALLY_HOURS ? 0.5 : 1;
        return new PriorityArrivals(nextRecent, since, latest, hours * fade, nextSeniors * fade, nextEmergencies * fade);
    }

    /**
     * Check-ins of {@code priority} per minute expected from {@code now}: today's window, shrunk toward
     * the long-run tally, itself shrunk toward the configured prior; each prior weighs {@code priorHours}.
     */
    double perMinute(int priority, Instant now, double priorPerHour, double priorHours) {
        double tallied = priority == 2 ? seniors : emergencies;
        double longRunPerHour = (priorPerHour * priorHours + tallied) / (priorHours + activeHours);
        double windowHours = observedSince == null ? 0
                : Math.min(RATE_WINDOW.toMinutes() / 60.0, Math.max(0, hoursBetween(observedSince, now)));
        long inWindow = recent.stream().filter(checkIn -> priority == 2 ? checkIn.priority() == 2 : checkIn.priority() >= 3).count();
        return (longRunPerHour * priorHours + inWindow) / (priorHours + windowHours) / 60;
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }
}
