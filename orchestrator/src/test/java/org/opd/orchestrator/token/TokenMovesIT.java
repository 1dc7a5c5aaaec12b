package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

/** Park, recall and transfer through the API: the line call-next takes from, the history, the events, the reorders. */
class TokenMovesIT extends OrchestratorIntegrationTest {

    @Test
    void aParkedPatientWhoWasCalledFreesTheCabinAndIsSkippedByCallNext() {
        // Given two waiting, the first called in but not there
        Clinic clinic = Clinic.open(api);
        String first = clinic.waitingToken(1);
        String second = clinic.waitingToken(1);
        assertThat(clinic.callNext(clinic.doctorId)).isEqualTo(first);

        // When the nurse parks it
        Api.Reply parked = api.post("/tokens/" + first + "/park", Map.of("reason", "Called, not in the waiting room"));

        // Then it keeps its status out of the line, the call undone; the doctor calls the next one
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.text("status")).isEqualTo("WAITING");
        assertThat(parked.text("parkedAt")).isNotNull();
        assertThat(parked.body().path("calledTime").isNull()).isTrue();
        assertThat(clinic.callNext(clinic.doctorId)).isEqualTo(second);
        assertThat(events(first)).containsExactly("TOKEN_ISSUED", "TOKEN_CHECKED_IN", "TOKEN_QUEUED", "TOKEN_CALLED", "TOKEN_PARKED");
        assertThat(jdbc.sql("SELECT payload->>'parkedAt' FROM outbox WHERE aggregateid = :d AND type = 'TOKEN_PARKED'"
                + " AND payload->>'tokenId' = :t").param("d", clinic.doctorId).param("t", first).query(String.class).single())
                .isNotNull();
    }

    @Test
    void aRecallToTheBackPutsThePatientBehindEveryoneWaiting() {
        // Given three waiting and the first parked
        Clinic clinic = Clinic.open(api);
        String first = clinic.waitingToken(1);
        String second = clinic.waitingToken(1);
        String third = clinic.waitingToken(1);
        api.post("/tokens/" + first + "/park");

        // When it is recalled to the back
        Api.Reply recalled = api.post("/tokens/" + first + "/recall", Map.of("end", "BACK"));

        // Then the doctor sees the other two first, and no reorder is recorded
        assertThat(recalled.status()).isEqualTo(200);
        assertThat(recalled.body().path("parkedAt").isNull()).isTrue();
        assertThat(clinic.seeInTurn(clinic.doctorId, 3)).containsExactly(second, third, first);
        assertThat(reorders(clinic.doctorId)).isEmpty();
    }

    @Test
    void aRecallToTheFrontPutsThePatientFirstAndRecordsWhomItOvertook() {
        // Given three waiting and the last parked
        Clinic clinic = Clinic.open(api);
        String first = clinic.waitingToken(1);
        String second = clinic.waitingToken(1);
        String third = clinic.waitingToken(1);
        api.post("/tokens/" + third + "/park");

        // When it is recalled to the front
        assertThat(api.post("/tokens/" + third + "/recall", Map.of("end", "FRONT")).status()).isEqualTo(200);

        // Then it is called first, and operators see the reorder
        assertThat(clinic.seeInTurn(clinic.doctorId, 3)).containsExactly(third, first, second);
        JsonNode reorder = reorders(clinic.doctorId).get(0);
        assertThat(reorder.path("reason").asText()).isEqualTo("RECALLED_TO_FRONT");
        assertThat(reorder.path("tokenId").asText()).isEqualTo(third);
        assertThat(reorder.path("overtakenTokenIds")).extracting(JsonNode::asText).containsExactly(first, second);
    }

    @Test
    void aPatientSentForAnEcgAndBackKeepsHistoryAndPlace() {
        // Given a line of three at the cardiologist, and an ECG technician of another department on shift
        Clinic clinic = Clinic.open(api);
        String before = clinic.waitingToken(1);
        String sent = clinic.waitingToken(1);
        String after = clinic.waitingToken(1);
        Ecg ecg = Ecg.open(api, clinic);

        // When the middle one is sent to the ECG, called in there, and sent back keeping its place
        Api.Reply toEcg = api.post("/tokens/" + sent + "/transfer", Map.of("toDoctorId", ecg.doctorId));
        assertThat(clinic.callNext(ecg.doctorId)).isEqualTo(sent);
        Api.Reply back = api.post("/tokens/" + sent + "/transfer", Map.of("toDoctorId", clinic.doctorId, "place", "KEEP"));

        // Then it was with the ECG's doctor and department, and is back where it stood, its history whole
        assertThat(toEcg.status()).isEqualTo(200);
        assertThat(toEcg.text("doctorId")).isEqualTo(ecg.doctorId);
        assertThat(toEcg.text("deptId")).isEqualTo(ecg.deptId);
        assertThat(back.status()).as("back: %s", back.body()).isEqualTo(200);
        assertThat(back.text("deptId")).isEqualTo(clinic.deptId);
        assertThat(back.body().path("calledTime").isNull()).isTrue();
        assertThat(back.text("tokenNumber")).isEqualTo(toEcg.text("tokenNumber"));
        assertThat(clinic.seeInTurn(clinic.doctorId, 3)).containsExactly(before, sent, after);
        assertThat(events(sent)).containsSubsequence("TOKEN_QUEUED", "TOKEN_TRANSFERRED", "TOKEN_CALLED", "TOKEN_TRANSFERRED",
                "TOKEN_CALLED");
        assertThat(jdbc.sql("SELECT aggregateid FROM outbox WHERE type = 'TOKEN_REASSIGNED_AWAY' AND payload->>'tokenId' = :t"
                + " ORDER BY created_at").param("t", sent).query(String.class).list()).containsExactly(clinic.doctorId, ecg.doctorId);
        assertThat(jdbc.sql("SELECT (payload->>'expectedWaitMinutes')::int FROM outbox WHERE type = 'TOKEN_TRANSFERRED'"
                + " AND payload->>'tokenId' = :t ORDER BY created_at").param("t", sent).query(Integer.class).list())
                .as("the ECG line was empty; back, one patient ahead at 12 + 4 min").containsExactly(0, 16);
    }

    @Test
    void aTransferToTheFrontIsARecordedReorder() {
        // Given one waiting at the cardiologist and two waiting at the ECG
        Clinic clinic = Clinic.open(api);
        String sent = clinic.waitingToken(1);
        Ecg ecg = Ecg.open(api, clinic);
        String ecgFirst = ecg.waiting(api, clinic);
        String ecgSecond = ecg.waiting(api, clinic);

        // When it is sent to the front of the ECG line
        assertThat(api.post("/tokens/" + sent + "/transfer", Map.of("toDoctorId", ecg.doctorId, "place", "FRONT")).status())
                .isEqualTo(200);

        // Then the ECG calls it first, and the reorder names the two it overtook
        assertThat(clinic.callNext(ecg.doctorId)).isEqualTo(sent);
        JsonNode reorder = reorders(ecg.doctorId).get(0);
        assertThat(reorder.path("reason").asText()).isEqualTo("TRANSFERRED");
        assertThat(reorder.path("overtakenTokenIds")).extracting(JsonNode::asText).containsExactly(ecgFirst, ecgSecond);
    }

    @Test
    void refusesATransferToADoctorWithoutAShiftAndChangesNothing() {
        // Given a waiting token and a doctor of the hospital with no shift today
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.waitingToken(1);
        String offDuty = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Off Duty", "specialization", "Cardiology", "primaryDeptId", clinic.deptId,
                "phone", "+919800000300", "avgConsultationMinutes", 10, "maxTokensPerSession", 20), "doctorId");
        long version = api.get("/tokens/" + tokenId).body().path("version").asLong();

        // When it is transferred there
        Api.Reply refused = api.post("/tokens/" + tokenId + "/transfer", Map.of("toDoctorId", offDuty));

        // Then a problem names the field, and the token, its history and the outbox are as they were
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType().toString()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:no-shift");
        assertThat(refused.text("field")).isEqualTo("toDoctorId");
        JsonNode token = api.get("/tokens/" + tokenId).body();
        assertThat(token.path("doctorId").asText()).isEqualTo(clinic.doctorId);
        assertThat(token.path("version").asLong()).isEqualTo(version);
        assertThat(events(tokenId)).doesNotContain("TOKEN_TRANSFERRED");
    }

    @Test
    void refusesBadMovesWithAProblemNamingTheFieldOrTheState() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.waitingToken(1);

        Api.Reply noEnd = api.post("/tokens/" + tokenId + "/recall", Map.of("end", "MIDDLE"));
        Api.Reply notParked = api.post("/tokens/" + tokenId + "/recall", Map.of("end", "FRONT"));
        Api.Reply noDoctor = api.post("/tokens/" + tokenId + "/transfer", Map.of("place", "FRONT"));
        api.post("/tokens/" + tokenId + "/park");
        Api.Reply parkedTwice = api.post("/tokens/" + tokenId + "/park");
        Api.Reply parkedTransfer = api.post("/tokens/" + tokenId + "/transfer", Map.of("toDoctorId", clinic.doctorId));

        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.body().path("errors").get(0).path("field").asText()).isEqualTo("end");
        assertThat(notParked.status()).isEqualTo(409);
        assertThat(notParked.text("currentStatus")).isEqualTo("WAITING");
        assertThat(noDoctor.status()).isEqualTo(400);
        assertThat(noDoctor.body().path("errors").get(0).path("field").asText()).isEqualTo("toDoctorId");
        assertThat(parkedTwice.status()).isEqualTo(409);
        assertThat(parkedTransfer.status()).isEqualTo(422);
        assertThat(parkedTransfer.text("type")).isEqualTo("urn:opd:problem:same-doctor");
        assertThat(events(tokenId)).containsOnlyOnce("TOKEN_PARKED");
    }

    /** An ECG room: its own department, cabin and technician-doctor on shift all day. */
    private record Ecg(String deptId, String doctorId) {

        static Ecg open(Api api, Clinic clinic) {
            String deptId = api.create("/hospitals/" + clinic.hospitalId + "/departments", Map.of("name", "ECG",
                    "code", "ECG" + Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 1000),
                    "avgConsultationMinutes", 10, "bufferMinutes", 0, "maxTokensPerDay", 100, "colorCode", "#2E86C1",
                    "priorityLevel", 1), "deptId");
            String cabinId = api.create("/departments/" + deptId + "/cabins",
                    Map.of("cabinNumber", "E-1", "floorNumber", 0, "equipment", List.of("ECG")), "cabinId");
            String doctorId = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                    "name", "Dr. Ravi Kumar", "specialization", "Cardiology", "primaryDeptId", deptId,
                    "phone", "+919800000400", "avgConsultationMinutes", 10, "maxTokensPerSession", 100), "doctorId");
            api.create("/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId, "shiftDate", Clinic.today().toString(),
                    "shiftStartTime", "00:00", "shiftEndTime", "23:59", "plannedTokens", 30), "assignmentId");
            return new Ecg(deptId, doctorId);
        }

        /** A token of today issued for the ECG, checked in and waiting. */
        String waiting(Api api, Clinic clinic) {
            Map<String, Object> request = new HashMap<>(clinic.issueRequest(clinic.patient(), 1, Clinic.today()));
            request.put("doctorId", doctorId);
            String tokenId = api.create("/tokens", request, "tokenId");
            clinic.checkIn(tokenId);
            api.post("/tokens/" + tokenId + "/wait");
            return tokenId;
        }
    }

    private List<String> events(String tokenId) {
        return jdbc.sql("SELECT metadata->>'eventType' FROM token_history WHERE token_id = :id::uuid ORDER BY history_id")
                .param("id", tokenId).query(String.class).list();
    }

    private JsonNode reorders(String doctorId) {
        Api.Reply reply = api.get("/doctors/" + doctorId + "/reorders?date=" + Clinic.today());
        assertThat(reply.status()).as("reorders: %s", reply.body()).isEqualTo(200);
        return reply.body();
    }
}
