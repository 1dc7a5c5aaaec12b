package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;

/**
 * Until when walk-in seniors and emergencies are still expected, in minutes from now: the full rate up
 * to {@code fullUntil}, then fading linearly to none at {@code endsAt}. Once past mornings showed when a
 * doctor's walk-ins stop, that time decides; before, the rate fades from the last booking to the planned
 * shift end, so a shift planned to end later does not bring in a whole extra hour of arrivals.
 */
record ArrivalWindow(double fullUntil, double endsAt) {

    /** How long after the usual last walk-in the rate takes to fade out. */
    static final double FADE_AFTER_USUAL_MINUTES = 15;

    static final ArrivalWindow UNBOUNDED = new ArrivalWindow(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    static ArrivalWindow of(QueueSituation situation) {
        Instant now = situation.now();
        Instant plannedEnd = situation.shift().plannedEnd();
        double untilPlannedEnd = plannedEnd == null ? Double.POSITIVE_INFINITY : Math.max(0, minutesBetween(now, plannedEnd));
        Instant usual = situation.history().priorityArrivals().usualLastWalkIn(now);
        if (usual != null) {
            double untilUsual = minutesBetween(now, usual);
            return new ArrivalWindow(Math.min(Math.max(0, untilUsual), untilPlannedEnd),
                    Math.min(Math.max(0, untilUsual + FADE_AFTER_USUAL_MINUTES), untilPlannedEnd));
        }
        if (plannedEnd == null) {
            return UNBOUNDED;
        }
        double lastBooking = situation.booked().stream()
                .filter(booked -> booked.scheduledTime() != null)
                .mapToDouble(booked -> minutesBetween(now, booked.scheduledTime()))
                .max().orElse(0);
        return new ArrivalWindow(Math.min(Math.max(0, lastBooking), untilPlannedEnd), untilPlannedEnd);
    }

    /** The chance that an arrival the full rate would bring at {@code minute} still comes. */
    double chance(double minute) {
        if (minute <= fullUntil) {
            return 1;
        }
        if (minute >= endsAt) {
            return 0;
        }
        return (endsAt - minute) / (endsAt - fullUntil);
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
