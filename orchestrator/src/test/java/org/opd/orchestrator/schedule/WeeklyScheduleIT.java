package org.opd.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.WeekdayMornings;

class WeeklyScheduleIT extends OrchestratorIntegrationTest {

    @Test
    void plansEachScheduledDayOnceWithItsBreaks() {
        // Given a doctor working weekday mornings with a tea break
        Clinic clinic = Clinic.open(api);
        Api.Reply stored = api.put("/doctors/" + clinic.doctorId + "/weekly-schedule", WeekdayMornings.request(clinic));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(api.get("/doctors/" + clinic.doctorId + "/weekly-schedule").body().path("days").findValuesAsText("dayOfWeek"))
                .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

        // When the next two weeks are planned, twice
        LocalDate from = Clinic.today().plusDays(1);
        LocalDate to = from.plusDays(13);
        Api.Reply first = api.post("/doctors/" + clinic.doctorId + "/weekly-schedule/shifts",
                Map.of("from", from.toString(), "to", to.toString()));
        Api.Reply second = api.post("/doctors/" + clinic.doctorId + "/weekly-schedule/shifts",
                Map.of("from", from.toString(), "to", to.toString()));

        // Then every weekday got one morning shift with the break, and planning again planned nothing more
        List<String> weekdays = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                weekdays.add(d.toString());
            }
        }
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("created").findValuesAsText("shiftDate")).containsExactlyElementsOf(weekdays);
        assertThat(second.body().path("created")).isEmpty();
        assertThat(second.body().path("skipped")).hasSize(weekdays.size());
        String shiftId = first.body().path("created").get(0).path("assignmentId").asText();
        Api.Reply shift = api.get("/shifts/" + shiftId);
        assertThat(shift.text("shiftStartTime")).isEqualTo("09:00:00");
        assertThat(shift.body().path("plannedBreaks").findValuesAsText("start")).containsExactly("11:00:00");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE type = 'SHIFT_SCHEDULED' AND aggregateid = :d")
                .param("d", clinic.doctorId).query(Long.class).single()).isEqualTo(weekdays.size() + 1L);
    }

    @Test
    void refusesABadWeekNamingTheFieldAndKeepsTheOldOne() {
        Clinic clinic = Clinic.open(api);
        api.put("/doctors/" + clinic.doctorId + "/weekly-schedule", WeekdayMornings.request(clinic));

        Api.Reply twice = api.put("/doctors/" + clinic.doctorId + "/weekly-schedule", Map.of("days", List.of(
                WeekdayMornings.day(clinic, DayOfWeek.MONDAY, 15), WeekdayMornings.day(clinic, DayOfWeek.MONDAY, 15))));
        Api.Reply shortSlots = api.put("/doctors/" + clinic.doctorId + "/weekly-schedule",
                Map.of("days", List.of(WeekdayMornings.day(clinic, DayOfWeek.SATURDAY, 10))));
        Api.Reply past = api.post("/doctors/" + clinic.doctorId + "/weekly-schedule/shifts",
                Map.of("from", Clinic.today().minusDays(1).toString(), "to", Clinic.today().toString()));

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").get(0).path("field").asText()).isEqualTo("days[1].dayOfWeek");
        assertThat(shortSlots.status()).isEqualTo(400);
        assertThat(shortSlots.body().path("errors").get(0).path("field").asText()).isEqualTo("days[0].slotMinutes");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("errors").get(0).path("field").asText()).isEqualTo("from");
        assertThat(api.get("/doctors/" + clinic.doctorId + "/weekly-schedule").body().path("days")).hasSize(5);
    }
}
