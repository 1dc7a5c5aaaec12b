package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

class RescheduleIT extends OrchestratorIntegrationTest {

    @Test
    void replacesTheTokenWithANewOneForTheNewTimeLinkedToTheOld() {
        // Given a booked emergency token for today and the doctor also on shift tomorrow
        Clinic clinic = Clinic.open(api);
        LocalDate tomorrow = Clinic.today().plusDays(1);
        clinic.shift(tomorrow);
        String patientId = clinic.patient();
        String oldId = clinic.issue(patientId, 3, Clinic.today()).text("tokenId");

        // When reception moves the visit to tomorrow noon
        Api.Reply moved = api.post("/tokens/" + oldId + "/reschedule",
                Map.of("scheduledTime", Clinic.noon(tomorrow).toString(), "reason", "Patient travelling today"));

        // Then a new token is issued for tomorrow, first of its day, for the same patient, priority and reason
        assertThat(moved.status()).isEqualTo(201);
        String newId = moved.text("tokenId");
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(moved.headers().getLocation()).hasToString("/api/v1/tokens/" + newId);
        assertThat(moved.text("status")).isEqualTo("BOOKED");
        assertThat(moved.text("rescheduledFrom")).isEqualTo(oldId);
        assertThat(moved.text("serviceDate")).isEqualTo(tomorrow.toString());
        assertThat(moved.text("tokenNumber")).isEqualTo("CARD-001");
        assertThat(moved.text("patientId")).isEqualTo(patientId);
        assertThat(moved.body().path("priority").asInt()).isEqualTo(3);
        assertThat(moved.text("bookingType")).isEqualTo("EMERGENCY");
        assertThat(moved.text("visitReason")).isEqualTo("Chest pain follow-up");

        // And the old token ended RESCHEDULED, its history naming the reason and the new token
        assertThat(api.get("/tokens/" + oldId).text("status")).isEqualTo("RESCHEDULED");
        assertThat(jdbc.sql("""
                        SELECT change_reason || ' -> ' || (metadata->>'rescheduledTo') FROM token_history
                        WHERE token_id = :id::uuid AND new_status = 'RESCHEDULED'
                        """).param("id", oldId).query(String.class).single())
                .isEqualTo("Patient travelling today -> " + newId);

        // And the outbox carries the old token's TOKEN_RESCHEDULED and the new token's TOKEN_ISSUED
        assertThat(jdbc.sql("SELECT type FROM outbox WHERE payload->>'tokenId' = :id ORDER BY created_at")
                .param("id", oldId).query(String.class).list()).containsExactly("TOKEN_ISSUED", "TOKEN_RESCHEDULED");
        assertThat(jdbc.sql("SELECT type FROM outbox WHERE payload->>'tokenId' = :id")
                .param("id", newId).query(String.class).list()).containsExactly("TOKEN_ISSUED");
    }

    @Test
    void refusesToRescheduleACompletedVisitAndIssuesNothing() {
        // Given a token whose consultation is over
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        api.post("/tokens/" + tokenId + "/start");
        api.post("/tokens/" + tokenId + "/complete");

        // When someone tries to reschedule it
        Api.Reply refused = api.post("/tokens/" + tokenId + "/reschedule",
                Map.of("scheduledTime", Clinic.noon(Clinic.today()).toString()));

        // Then it is an illegal transition and no token was added
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:illegal-transition");
        assertThat(refused.text("currentStatus")).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :id::uuid").param("id", clinic.deptId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheOldTokenWhenTheNewTimeCannotBeBooked() {
        // Given a booked token, and no shift of the doctor in three days
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        // When it is moved to that day
        Api.Reply refused = api.post("/tokens/" + tokenId + "/reschedule",
                Map.of("scheduledTime", Clinic.noon(Clinic.today().plusDays(3)).toString()));

        // Then the move is refused as a whole: the old token is still booked, with nothing recorded
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:no-shift");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
        assertThat(jdbc.sql("SELECT count(*) FROM token_history WHERE token_id = :id::uuid").param("id", tokenId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void asksForTheNewTime() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply refused = api.post("/tokens/" + tokenId + "/reschedule", Map.of("reason", "Later"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("scheduledTime");
    }
}
