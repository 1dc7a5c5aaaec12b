package org.opd.orchestrator.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A weekly schedule for a clinic's doctor: Monday to Friday 09:00–13:00 in the clinic's cabin, in
 * 15-minute slots, a break 11:00–11:15 — fifteen slots a day.
 */
public final class WeekdayMornings {

    public static final int SLOTS_PER_DAY = 15;

    private WeekdayMornings() {
    }

    /** Stores the schedule for the clinic's doctor, failing unless it was stored. */
    public static void set(Api api, Clinic clinic) {
        Api.Reply reply = api.put("/doctors/" + clinic.doctorId + "/weekly-schedule", request(clinic));
        if (reply.status() != 200) {
            throw new AssertionError("Schedule not stored: " + reply.body());
        }
    }

    public static Map<String, Object> request(Clinic clinic) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            days.add(day(clinic, d, 15));
        }
        return Map.of("days", days);
    }

    public static Map<String, Object> day(Clinic clinic, DayOfWeek dayOfWeek, int slotMinutes) {
        return Map.of("dayOfWeek", dayOfWeek.name(), "cabinId", clinic.cabinId, "startTime", "09:00", "endTime", "13:00",
                "slotMinutes", slotMinutes, "plannedBreaks", List.of(Map.of("start", "11:00", "end", "11:15")));
    }

    /** The first weekday after the given day. */
    public static LocalDate workdayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }
}
