package org.opd.orchestrator.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * A hospital's (or one department's) day hour by hour, for the dashboard's charts: from the first to the
 * last hour anything happened, in the hospital's time zone (empty when nothing happened).
 */
public record DayProfile(LocalDate date, String timezone, List<Hour> hours) {

    public DayProfile {
        hours = List.copyOf(hours);
    }

    /**
     * @param hour               0–23, the hour's start in the hospital's time zone
     * @param checkedIn          patients who checked in during the hour
     * @param started            consultations that started during the hour
     * @param completed          consultations completed during the hour (the throughput)
     * @param averageWaitMinutes from check-in to consultation start, over the consultations started during the hour;
     *                           null when none started
     */
    public record Hour(int hour, int checkedIn, int started, int completed, Double averageWaitMinutes) {
    }
}
