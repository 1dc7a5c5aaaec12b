package org.opd.orchestrator.redistribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.redistribution.LeaveScenario.Colleague;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

class RedistributionIT extends OrchestratorIntegrationTest {

    @Test
    void aLeaveInTheMiddleOfTheSessionMovesEveryAffectedTokenExactlyOnceWithinCapacity() {
        // Given three doctors of one department: A with 30 patients (one in the cabin), B with 15 and room for 15 more,
        // C with 15 and room for 10 more; A also works tomorrow
        Clinic clinic = Clinic.open(api);
        LeaveScenario scenario = new LeaveScenario(api, clinic);
        Colleague b = scenario.colleague("Dr. B", 10, 30);
        Colleague c = scenario.colleague("Dr. C", 20, 25);
        clinic.shift(Clinic.today().plusDays(1));
        List<String> tokensOfA = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokensOfA.add(clinic.waitingToken(i % 10 == 0 ? 2 : 1));
        }
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        for (int i = 0; i < 15; i++) {
            scenario.waiting(b.doctorId());
            scenario.waiting(c.doctorId());
        }
        // When A is taken ill now, for the rest of the day, and the department head approves it
        String exceptionId = scenario.leave();
        Api head = scenario.head();
        head.post("/schedule-exceptions/" + exceptionId + "/approve");
        Map<String, String> doctorBefore = doctors(tokensOfA);
        long historyBefore = historyRows(tokensOfA);

        // Then the preview shows every waiting token of A placed within room, the rest rescheduled, and changes nothing
        Api.Reply preview = head.get("/schedule-exceptions/" + exceptionId + "/redistribution/preview");
        assertThat(preview.status()).isEqualTo(200);
        JsonNode moves = preview.body().path("moves");
        assertThat(moves.size()).isEqualTo(25);
        assertThat(preview.body().path("unplaced").findValuesAsText("outcome")).hasSize(4).containsOnly("RESCHEDULED");
        assertThat(moves.findValuesAsText("toDoctorId").stream().filter(b.doctorId()::equals).count()).isEqualTo(15);
        assertThat(moves.findValuesAsText("toDoctorId").stream().filter(c.doctorId()::equals).count()).isEqualTo(10);
        assertThat(moves.get(0).path("toCabinNumber").asText()).isIn("B-1", "C-1");
        assertThat(doctors(tokensOfA)).isEqualTo(doctorBefore);
        assertThat(historyRows(tokensOfA)).isEqualTo(historyBefore);

        // When the head applies it
        String planVersion = preview.text("planVersion");
        Api.Reply applied = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", planVersion));

        // Then each of the 29 affected tokens was handled once: 25 moved, 4 rescheduled to A's session tomorrow
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.text("status")).isEqualTo("REDISTRIBUTED");
        assertThat(applied.body().path("failed").size()).isZero();
        assertThat(applied.body().path("moves").findValuesAsText("outcome"))
                .hasSize(29).filteredOn("REDISTRIBUTED"::equals).hasSize(25);
        assertThat(count("SELECT count(DISTINCT token_id) FROM redistribution_moves WHERE exception_id = :id::uuid", exceptionId))
                .isEqualTo(29);
        // capacity held: no shift holds more than its doctor's max_tokens_per_session
        assertThat(holdingAPlace(b.shiftId())).isEqualTo(30);
        assertThat(holdingAPlace(c.shiftId())).isEqualTo(25);
        // one history row and two events (old line, new line) per moved token; the patient's message is asked for
        assertThat(count("SELECT count(*) FROM token_history WHERE metadata->>'toDoctorId' IS NOT NULL AND token_id IN "
                + "(SELECT token_id FROM redistribution_moves WHERE exception_id = :id::uuid)", exceptionId)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM outbox WHERE type = 'TOKEN_REASSIGNED' AND (payload->>'expectedWaitMinutes') IS NOT NULL"
                + " AND (payload->>'tokenId')::uuid IN (SELECT token_id FROM redistribution_moves WHERE exception_id = :id::uuid)"
                + " AND aggregateid = payload->>'toDoctorId'", exceptionId)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM outbox WHERE type = 'TOKEN_REASSIGNED_AWAY' AND aggregateid = '" + clinic.doctorId
                + "' AND (payload->>'tokenId')::uuid IN (SELECT token_id FROM redistribution_moves WHERE exception_id = :id::uuid)",
                exceptionId)).isEqualTo(25);
        // every moved token kept its priority and check-in time
        assertThat(count("""
                SELECT count(*) FROM tokens t JOIN redistribution_moves m ON m.token_id = t.token_id
                WHERE m.exception_id = :id::uuid AND m.outcome = 'REDISTRIBUTED' AND t.doctor_id = m.to_doctor_id
                  AND t.status = 'WAITING' AND t.check_in_time IS NOT NULL""", exceptionId)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM tokens WHERE rescheduled_from IN (SELECT token_id FROM redistribution_moves"
                + " WHERE exception_id = :id::uuid) AND status = 'BOOKED' AND doctor_id = '" + clinic.doctorId + "'", exceptionId))
                .isEqualTo(4);
        assertThat(api.get("/schedule-exceptions/" + exceptionId).text("redistributionStatus")).isEqualTo("REDISTRIBUTED");

        // When the same plan is applied again, nobody moves twice
        long history = historyRows(tokensOfA);
        Api.Reply again = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply", Map.of("planVersion", planVersion));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("replayed").asBoolean()).isTrue();
        assertThat(again.body().path("moves").size()).isEqualTo(29);
        assertThat(historyRows(tokensOfA)).isEqualTo(history);
    }

    @Test
    void aPlanGoneStaleIsRefusedAndMovesNobody() {
        Clinic clinic = Clinic.open(api);
        LeaveScenario scenario = new LeaveScenario(api, clinic);
        Colleague b = scenario.colleague("Dr. B", 10, 30);
        List<String> tokensOfA = List.of(clinic.waitingToken(1), clinic.waitingToken(1));
        String exceptionId = scenario.leave();
        Api head = scenario.head();
        head.post("/schedule-exceptions/" + exceptionId + "/approve");
        String planVersion = head.get("/schedule-exceptions/" + exceptionId + "/redistribution/preview").text("planVersion");

        // When B's queue moves after the preview
        scenario.waiting(b.doctorId());
        Api.Reply stale = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply", Map.of("planVersion", planVersion));

        // Then the plan is refused and nothing moved
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("urn:opd:problem:redistribution-plan-stale");
        assertThat(stale.text("field")).isEqualTo("planVersion");
        assertThat(stale.text("currentPlanVersion")).hasSize(64).isNotEqualTo(planVersion);
        assertThat(doctors(tokensOfA).values()).containsOnly(clinic.doctorId);
        assertThat(count("SELECT count(*) FROM redistribution_moves WHERE exception_id = :id::uuid", exceptionId)).isZero();

        // And the fresh plan applies
        Api.Reply fresh = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", stale.text("currentPlanVersion")));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(doctors(tokensOfA).values()).containsOnly(b.doctorId());
    }

    @Test
    void theDepartmentsRuleCancelsWhatNobodyHasRoomFor() {
        Clinic clinic = Clinic.open(api);
        LeaveScenario scenario = new LeaveScenario(api, clinic);
        scenario.colleague("Dr. B", 10, 1);
        clinic.shift(Clinic.today().plusDays(1));
        List<String> tokensOfA = List.of(clinic.waitingToken(1), clinic.waitingToken(1));
        Api head = scenario.head();
        assertThat(head.put("/departments/" + clinic.deptId + "/unplaced-token-rule", Map.of("unplacedTokenRule", "CANCEL"))
                .status()).isEqualTo(200);
        String exceptionId = scenario.leave();
        head.post("/schedule-exceptions/" + exceptionId + "/approve");

        Api.Reply preview = head.get("/schedule-exceptions/" + exceptionId + "/redistribution/preview");
        Api.Reply applied = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", preview.text("planVersion")));

        assertThat(preview.body().path("unplaced").findValuesAsText("outcome")).containsExactly("CANCELLED");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(api.get("/tokens/" + tokensOfA.get(1)).text("status")).isEqualTo("CANCELLED");
        assertThat(applied.text("status")).isEqualTo("REDISTRIBUTED");
    }

    @Test
    void refusesBadInputAndAnUnapprovedLeaveWithProblems() {
        Clinic clinic = Clinic.open(api);
        LeaveScenario scenario = new LeaveScenario(api, clinic);
        clinic.waitingToken(1);
        String exceptionId = scenario.leave();
        Api head = scenario.head();
        String planVersion = head.get("/schedule-exceptions/" + exceptionId + "/redistribution/preview").text("planVersion");

        Api.Reply notApproved = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", planVersion));
        Api.Reply badVersion = head.post("/schedule-exceptions/" + exceptionId + "/redistribution/apply", Map.of("planVersion", "v1"));
        Api.Reply badRule = head.put("/departments/" + clinic.deptId + "/unplaced-token-rule", Map.of("unplacedTokenRule", "DROP"));
        Api.Reply unknown = head.get("/schedule-exceptions/" + UUID.randomUUID() + "/redistribution/preview");

        assertThat(notApproved.status()).isEqualTo(409);
        assertThat(notApproved.text("type")).isEqualTo("urn:opd:problem:schedule-exception-not-approved");
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(badVersion.body().path("errors").findValuesAsText("field")).containsExactly("planVersion");
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.body().path("errors").findValuesAsText("field")).containsExactly("unplacedTokenRule");
        assertThat(unknown.status()).isIn(403, 404);
    }

    private Map<String, String> doctors(List<String> tokenIds) {
        Map<String, String> doctors = new HashMap<>();
        for (String tokenId : tokenIds) {
            doctors.put(tokenId, jdbc.sql("SELECT doctor_id::text FROM tokens WHERE token_id = :id::uuid").param("id", tokenId)
                    .query(String.class).single());
        }
        return doctors;
    }

    private long historyRows(List<String> tokenIds) {
        return jdbc.sql("SELECT count(*) FROM token_history WHERE token_id::text IN (:ids)").param("ids", tokenIds)
                .query(Long.class).single();
    }

    private int holdingAPlace(String shiftId) {
        return count("SELECT count(*) FROM tokens WHERE assignment_id = :id::uuid AND status NOT IN ('CANCELLED', 'RESCHEDULED')",
                shiftId);
    }

    private int count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
