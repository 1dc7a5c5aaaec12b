package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How often seniors and emergencies walk in to one doctor (they go ahead of the line), and until when
 * in the morning walk-ins come: the check-ins of the last {@link #RATE_WINDOW}, which follow the morning
 * as it goes, and a long-run tally over the doctor's past mornings, which tells what to expect before
 * today has shown much. Nights do not count as observed time, and the tally forgets slowly, so a doctor
 * whose patients change is followed.
 *
 * <p>Only walk-ins count towards the rate: a booked senior or emergency is known in advance and the
 * model adds each one still to come on its own, so counting it in the rate as well would expect it twice.
 *
 * @param recent              senior and emergency walk-ins within {@link #RATE_WINDOW} of the latest, oldest first
 * @param observedSince       the first check-in of the current spell: a check-in after more than
 *                            {@link #RATE_WINDOW} without any (the next morning) starts a new one
 * @param lastCheckIn         the latest check-in of any priority, booked or not
 * @param activeHours         hours between check-ins within spells, over the tally
 * @param seniors             senior walk-ins over the tally
 * @param emergencies         emergency walk-ins over the tally
 * @param lastWalkIn          the latest walk-in of the current spell
 * @param usualLastWalkInTime second of the day (UTC) of a spell's last walk-in, averaged over past spells; null before
 *                            one spell has ended
 */
public record PriorityArrivals(
        List<CheckIn> recent,
        Instant observedSince,
        Instant lastCheckIn,
        double activeHours,
        double seniors,
        double emergencies,
        Instant lastWalkIn,
        Double usualLastWalkInTime) {

    /** How far back check-ins count towards today's rate. */
    public static final Duration RATE_WINDOW = Duration.ofHours(3);
    /** Once the tally spans this many active hours (about ten mornings), it is halved: older mornings fade. */
    static final double TALLY_HOURS = 40;
    /** How much the latest morning moves the usual time of the last walk-in. */
    static final double LAST_WALK_IN_WEIGHT = 0.3;

    public static final PriorityArrivals NONE = new PriorityArrivals(List.of(), null, null, 0, 0, 0, null, null);

    public PriorityArrivals {
        recent = recent != null ? List.copyOf(recent) : List.of();
    }

    /** @param at when a senior or emergency token walked in */
    public record CheckIn(Instant at, int priority) {
    }

    /** A check-in; {@code walkIn} unless the token was booked for a slot. */
    PriorityArrivals withCheckIn(Instant at, int priority, boolean walkIn) {
        List<CheckIn> nextRecent = new ArrayList<>();
        for (CheckIn checkIn : recent) {
            if (checkIn.at().isAfter(at.minus(RATE_WINDOW))) {
                nextRecent.add(checkIn);
            }
        }
        boolean countsTowardsRate = walkIn && priority > 1;
        if (countsTowardsRate) {
            nextRecent.add(new CheckIn(at, priority));
        }
        // Overnight nobody checks in: counting those hours would make seniors and emergencies look rare.
        boolean afterQuietSpell = lastCheckIn != null && at.isAfter(lastCheckIn.plus(RATE_WINDOW));
        Instant since = observedSince == null || afterQuietSpell || at.isBefore(observedSince) ? at : observedSince;
        Instant latest = lastCheckIn == null || at.isAfter(lastCheckIn) ? at : lastCheckIn;
        double hours = activeHours + (lastCheckIn == null || afterQuietSpell ? 0 : Math.max(0, hoursBetween(lastCheckIn, at)));
        double nextSeniors = seniors + (countsTowardsRate && priority == 2 ? 1 : 0);
        double nextEmergencies = emergencies + (countsTowardsRate && priority >= 3 ? 1 : 0);
        double fade = hours > TALLY_HOURS ? 0.5 : 1;
        Double usual = afterQuietSpell && lastWalkIn != null ? averagedWithUsual(lastWalkIn) : usualLastWalkInTime;
        Instant spellLastWalkIn = afterQuietSpell ? null : lastWalkIn;
        if (walkIn && (spellLastWalkIn == null || at.isAfter(spellLastWalkIn))) {
            spellLastWalkIn = at;
        }
        return new PriorityArrivals(nextRecent, since, latest, hours * fade, nextSeniors * fade, nextEmergencies * fade,
                spellLastWalkIn, usual);
    }

    /**
     * Walk-ins of {@code priority} per minute expected from {@code now}: today's window, shrunk toward
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

    /** When walk-ins usually stop on the day of {@code now}, as past mornings showed; null while none has been seen to its end. */
    Instant usualLastWalkIn(Instant now) {
        if (usualLastWalkInTime == null) {
            return null;
        }
        Instant midnight = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        return midnight.plusSeconds(Math.round(usualLastWalkInTime));
    }

    private Double averagedWithUsual(Instant spellLastWalkIn) {
        double seconds = spellLastWalkIn.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        return usualLastWalkInTime == null ? seconds
                : (1 - LAST_WALK_IN_WEIGHT) * usualLastWalkInTime + LAST_WALK_IN_WEIGHT * seconds;
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }
}
