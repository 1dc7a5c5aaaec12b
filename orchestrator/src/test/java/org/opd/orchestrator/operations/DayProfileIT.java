package org.opd.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

/** The dashboard's day by hour: counts and average waits per hour of the hospital's clock, checked by hand. */
class DayProfileIT extends OrchestratorIntegrationTest {

    @Test
    void countsEachStepInTheHourOfTheHospitalsClockItHappenedIn() {
        // Given three patients of today whose steps happened (hospital time) at:
        //   A: in 09:10, started 09:40, completed 09:55      (waited 30 min)
        //   B: in 09:20, started 10:30, completed 10:45      (waited 70 min)
        //   C: in 11:05, started 11:15, still with the doctor (waited 10 min)
        Clinic clinic = Clinic.open(api);
        LocalDate today = Clinic.today();
        timeline(clinic.waitingToken(1), today, "09:10", "09:40", "09:55");
        timeline(clinic.waitingToken(1), today, "09:20", "10:30", "10:45");
        timeline(clinic.waitingToken(1), today, "11:05", "11:15", null);

        // When an operator asks for today's profile
        Api.Reply reply = api.get("/hospitals/" + clinic.hospitalId + "/day-profile?date=" + today);

        // Then the hours run 09–11 in the hospital's clock, with each step in its hour and the waits averaged there
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("timezone").asText()).isEqualTo("Asia/Kolkata");
        List<String> hours = rows(reply.body());
        assertThat(hours).containsExactly(
                "9: in 2, started 1, completed 1, wait 30.0",
                "10: in 0, started 1, completed 1, wait 70.0",
                "11: in 1, started 1, completed 0, wait 10.0");

        // And one department of another hospital is not found; a day without tokens is empty
        Clinic other = Clinic.open(api);
        assertThat(api.get("/hospitals/" + clinic.hospitalId + "/day-profile?date=" + today + "&deptId=" + other.deptId).status())
                .isEqualTo(404);
        assertThat(api.get("/hospitals/" + clinic.hospitalId + "/day-profile?date=" + today.minusDays(1)).body().path("hours"))
                .isEmpty();
        assertThat(rows(api.get("/hospitals/" + clinic.hospitalId + "/day-profile?date=" + today + "&deptId=" + clinic.deptId)
                .body())).isEqualTo(hours);
    }

    @Test
    void refusesAMissingDateNamingIt() {
        Clinic clinic = Clinic.open(api);

        Api.Reply reply = api.get("/hospitals/" + clinic.hospitalId + "/day-profile");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().toString()).contains("date");
    }

    private void timeline(String tokenId, LocalDate day, String checkIn, String start, String end) {
        jdbc.sql("""
                        UPDATE tokens SET check_in_time = :checkIn, consultation_start_time = :start,
                                          consultation_end_time = :end,
                                          status = CASE WHEN CAST(:end AS timestamptz) IS NULL THEN 'IN_CONSULTATION' ELSE 'COMPLETED' END
                        WHERE token_id = :id::uuid""")
                .param("checkIn", at(day, checkIn)).param("start", at(day, start)).param("end", at(day, end))
                .param("id", tokenId).update();
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return time == null ? null : day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }

    private static List<String> rows(JsonNode profile) {
        return java.util.stream.StreamSupport.stream(profile.path("hours").spliterator(), false)
                .map(h -> h.path("hour").asInt() + ": in " + h.path("checkedIn").asInt() + ", started " + h.path("started").asInt()
                        + ", completed " + h.path("completed").asInt() + ", wait " + h.path("averageWaitMinutes").asDouble())
                .toList();
    }
}
