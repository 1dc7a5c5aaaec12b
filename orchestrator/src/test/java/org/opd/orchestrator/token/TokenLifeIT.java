package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenStatus;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class TokenLifeIT extends OrchestratorIntegrationTest {

    /** One history row of a token: "previous>new", the reason, and the event it belongs to. */
    record HistoryRow(String move, String reason, String eventId, String eventType) {
    }

    /** One outbox row of a token, with its payload read back through the shared event mapping. */
    record OutboxRow(String id, String aggregateType, String aggregateId, String type, int schemaVersion, TokenEvent event,
                     String payload) {
    }

    @Test
    void walksATokenFromBookingToCompletionWithOneHistoryRowAndOneEventPerMove(CapturedOutput logs) {
        // Given a doctor on shift and a registered patient
        Clinic clinic = Clinic.open(api);
        String patientId = clinic.patient("Meera Iyer", "+919811122233");

        // When the patient gets a token
        Api.Reply issued = clinic.issue(patientId, 1, Clinic.today());

        // Then it is booked with the department's first number of the day, times in the hospital's zone
        assertThat(issued.status()).isEqualTo(201);
        String tokenId = issued.text("tokenId");
        assertThat(issued.headers().getLocation()).hasToString("/api/v1/tokens/" + tokenId);
        assertThat(issued.text("tokenNumber")).isEqualTo("CARD-001");
        assertThat(issued.text("status")).isEqualTo("BOOKED");
        assertThat(issued.text("scheduledTime")).endsWith("+05:30");
        assertThat(issued.text("cabinId")).isEqualTo(clinic.cabinId);
        assertThat(issued.text("deptId")).isEqualTo(clinic.deptId);

        // When the patient checks in at the door, is triaged, called, seen and discharged
        Api.Reply checkedIn = clinic.checkIn(tokenId);
        Api.Reply waiting = api.post("/tokens/" + tokenId + "/wait");
        Api.Reply called = api.post("/doctors/" + clinic.doctorId + "/call-next");
        Api.Reply started = api.post("/tokens/" + tokenId + "/start");
        Api.Reply completed = api.post("/tokens/" + tokenId + "/complete");

        // Then each step answers with the token in its new state
        assertThat(checkedIn.text("status")).isEqualTo("CHECKED_IN");
        assertThat(checkedIn.text("checkInTime")).endsWith("+05:30");
        assertThat(waiting.text("status")).isEqualTo("WAITING");
        assertThat(called.status()).isEqualTo(200);
        assertThat(called.text("tokenId")).isEqualTo(tokenId);
        assertThat(called.text("status")).isEqualTo("WAITING");
        assertThat(called.text("calledTime")).isNotNull();
        assertThat(started.text("status")).isEqualTo("IN_CONSULTATION");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("COMPLETED");

        // And the audit trail has one row per move, each linked to its event
        List<HistoryRow> history = history(tokenId);
        assertThat(history).extracting(HistoryRow::move).containsExactly("null>BOOKED", "BOOKED>CHECKED_IN",
                "CHECKED_IN>WAITING", "WAITING>WAITING", "WAITING>IN_CONSULTATION", "IN_CONSULTATION>COMPLETED");

        // And the outbox has one event per move, keyed by doctor, in order, carrying what the queue needs
        List<OutboxRow> outbox = outbox(tokenId);
        assertThat(outbox).extracting(OutboxRow::type).containsExactly("TOKEN_ISSUED", "TOKEN_CHECKED_IN", "TOKEN_QUEUED",
                "TOKEN_CALLED", "CONSULTATION_STARTED", "TOKEN_COMPLETED");
        assertThat(history).extracting(HistoryRow::eventId).containsExactlyElementsOf(outbox.stream().map(OutboxRow::id).toList());
        assertThat(history).extracting(HistoryRow::eventType).containsExactlyElementsOf(outbox.stream().map(OutboxRow::type).toList());
        assertThat(outbox).allSatisfy(row -> {
            assertThat(row.aggregateType()).isEqualTo(Topics.TOKEN_AGGREGATE);
            assertThat(row.aggregateId()).isEqualTo(clinic.doctorId);
            assertThat(row.schemaVersion()).isEqualTo(TokenEvent.SCHEMA_VERSION);
            assertThat(row.event().schemaVersion()).isEqualTo(TokenEvent.SCHEMA_VERSION);
            assertThat(row.event().eventId()).hasToString(row.id());
            assertThat(row.event().type()).hasToString(row.type());
            assertThat(row.event().tokenId()).hasToString(tokenId);
            assertThat(row.event().tokenNumber()).isEqualTo("CARD-001");
            assertThat(row.event().patientId()).hasToString(patientId);
            assertThat(row.event().doctorId()).hasToString(clinic.doctorId);
            assertThat(row.event().deptId()).hasToString(clinic.deptId);
            assertThat(row.event().cabinId()).hasToString(clinic.cabinId);
            assertThat(row.event().hospitalId()).hasToString(clinic.hospitalId);
            assertThat(row.event().priority()).isEqualTo(1);
            assertThat(row.event().bookingType()).isEqualTo(BookingType.WALK_IN);
            assertThat(row.event().scheduledTime()).isEqualTo(Clinic.noon(Clinic.today()).toInstant());
            assertThat(row.event().avgConsultationMinutes()).isEqualTo(Clinic.DOCTOR_AVG_MINUTES);
            assertThat(row.event().bufferMinutes()).isEqualTo(Clinic.DEPT_BUFFER_MINUTES);
            // No personal data travels in events.
            assertThat(row.payload()).doesNotContain("Meera", "9811122233");
        });
        assertThat(outbox).extracting(row -> row.event().previousStatus()).containsExactly(null, TokenStatus.BOOKED,
                TokenStatus.CHECKED_IN, TokenStatus.WAITING, TokenStatus.WAITING, TokenStatus.IN_CONSULTATION);
        assertThat(outbox).extracting(row -> row.event().newStatus()).containsExactly(TokenStatus.BOOKED,
                TokenStatus.CHECKED_IN, TokenStatus.WAITING, TokenStatus.WAITING, TokenStatus.IN_CONSULTATION,
                TokenStatus.COMPLETED);
        TokenEvent last = outbox.get(outbox.size() - 1).event();
        assertThat(last.checkInTime()).isEqualTo(instant(checkedIn.text("checkInTime")));
        assertThat(last.calledTime()).isEqualTo(instant(called.text("calledTime")));
        assertThat(last.consultationStartTime()).isEqualTo(instant(started.text("consultationStartTime")));
        assertThat(last.consultationEndTime()).isEqualTo(instant(completed.text("consultationEndTime")));
        assertThat(last.occurredAt()).isEqualTo(last.consultationEndTime());

        // And the logs say which token and doctor, but never who the patient is
        assertThat(logs.getOut()).contains("tokenId=" + tokenId, "doctorId=" + clinic.doctorId)
                .doesNotContain("Meera", "9811122233");
    }

    @Test
    void marksANoShowAndCancelsKeepingTheReasons() {
        // Given one patient waiting and one booked
        Clinic clinic = Clinic.open(api);
        String absent = clinic.waitingToken(1);
        String changedMind = clinic.token(1).get("tokenId").asText();

        // When staff mark the first a no-show and cancel the second
        Api.Reply noShow = api.post("/tokens/" + absent + "/no-show", Map.of("reason", "Did not answer three calls"));
        Api.Reply cancelled = api.post("/tokens/" + changedMind + "/cancel", Map.of("reason", "Patient asked to cancel"));

        // Then both leave the queue with their reason in the audit trail and an event each
        assertThat(noShow.status()).isEqualTo(200);
        assertThat(noShow.text("status")).isEqualTo("NO_SHOW");
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancellationReason")).isEqualTo("Patient asked to cancel");
        assertThat(history(absent)).last().isEqualTo(new HistoryRow("WAITING>NO_SHOW", "Did not answer three calls",
                outbox(absent).get(3).id(), "TOKEN_MARKED_NO_SHOW"));
        assertThat(history(changedMind)).last().extracting(HistoryRow::move, HistoryRow::reason)
                .containsExactly("BOOKED>CANCELLED", "Patient asked to cancel");
        assertThat(outbox(changedMind)).extracting(OutboxRow::type).containsExactly("TOKEN_ISSUED", "TOKEN_CANCELLED");
    }

    @Test
    void refusesAnIllegalMoveWith409NamingTheCurrentStatusAndChangesNothing() {
        // Given a booked token
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        // When someone tries to complete it
        Api.Reply refused = api.post("/tokens/" + tokenId + "/complete");

        // Then the move is refused as a problem naming the current status
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:illegal-transition");
        assertThat(refused.text("title")).isEqualTo("Illegal transition");
        assertThat(refused.body().path("status").asInt()).isEqualTo(409);
        assertThat(refused.text("currentStatus")).isEqualTo("BOOKED");
        assertThat(refused.text("detail")).contains("complete", tokenId, "BOOKED");

        // And nothing changed: no history, no event, same version
        assertThat(history(tokenId)).hasSize(1);
        assertThat(outbox(tokenId)).hasSize(1);
        assertThat(jdbc.sql("SELECT status || '@' || version FROM tokens WHERE token_id = :id::uuid").param("id", tokenId)
                .query(String.class).single()).isEqualTo("BOOKED@0");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
    }

    @Test
    void refusesACheckInOutsideTheGeofenceNamingTheDistance() {
        // Given a booked token
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        // When the patient tries to check in from about 5.6 km away
        Api.Reply refused = api.post("/tokens/" + tokenId + "/check-in",
                Map.of("latitude", Clinic.LATITUDE + 0.05, "longitude", Clinic.LONGITUDE));

        // Then the check-in is refused with the distance, and the token is still booked
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:outside-geofence");
        assertThat(refused.body().path("distanceMeters").asInt()).isBetween(5_500, 5_600);
        assertThat(refused.body().path("radiusMeters").asInt()).isEqualTo(200);
        assertThat(refused.text("detail")).contains(refused.body().path("distanceMeters").asText() + " m");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
        assertThat(history(tokenId)).hasSize(1);
        assertThat(outbox(tokenId)).hasSize(1);
    }

    @Test
    void showsTheLivePositionAndEtaProjectedInRedisWhileTheTokenIsInLine() {
        // Given a waiting token whose position the eta-calculator has projected
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.waitingToken(1);
        String details = "token:" + tokenId + ":details";
        try {
            redis.hset(details, Map.of("tokenNumber", "CARD-001", "status", "WAITING", "priority", "1",
                    "doctorId", clinic.doctorId, "position", "2", "etaMinutesP50", "16", "etaMinutesP90", "24", "version", "3"));

            // When a screen reads the token
            JsonNode token = api.get("/tokens/" + tokenId).body();

            // Then it shows PostgreSQL's status with Redis's position and ETA
            assertThat(token.path("status").asText()).isEqualTo("WAITING");
            assertThat(token.path("queuePosition").asInt()).isEqualTo(2);
            assertThat(token.path("etaMinutesP50").asInt()).isEqualTo(16);
            assertThat(token.path("etaMinutesP90").asInt()).isEqualTo(24);

            // And once the token is out of line, a stale projection is not shown
            api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Left the hospital"));
            JsonNode cancelled = api.get("/tokens/" + tokenId).body();
            assertThat(cancelled.path("queuePosition").isNull()).isTrue();
            assertThat(cancelled.path("etaMinutesP50").isNull()).isTrue();
        } finally {
            redis.del(details);
        }
    }

    @Test
    void showsNoPositionWhileNothingIsProjected() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.waitingToken(1);

        JsonNode token = api.get("/tokens/" + tokenId).body();

        assertThat(token.path("status").asText()).isEqualTo("WAITING");
        assertThat(token.has("queuePosition")).isTrue();
        assertThat(token.path("queuePosition").isNull()).isTrue();
        assertThat(token.path("etaMinutesP90").isNull()).isTrue();
    }

    @Test
    void answers404ForAnUnknownToken() {
        Api.Reply reply = api.get("/tokens/6f1c1c36-0000-4000-8000-000000000000");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.text("type")).isEqualTo("urn:opd:problem:not-found");
        assertThat(reply.text("resource")).isEqualTo("token");
    }

    private List<HistoryRow> history(String tokenId) {
        return jdbc.sql("""
                        SELECT coalesce(previous_status, 'null') || '>' || new_status AS move, change_reason,
                               metadata->>'eventId' AS event_id, metadata->>'eventType' AS event_type
                        FROM token_history WHERE token_id = :id::uuid ORDER BY history_id
                        """)
                .param("id", tokenId)
                .query((rs, row) -> new HistoryRow(rs.getString("move"), rs.getString("change_reason"),
                        rs.getString("event_id"), rs.getString("event_type")))
                .list();
    }

    private List<OutboxRow> outbox(String tokenId) {
        return jdbc.sql("""
                        SELECT id::text, aggregatetype, aggregateid, type, schema_version, payload::text AS payload
                        FROM outbox WHERE payload->>'tokenId' = :id ORDER BY created_at, (payload->>'occurredAt')
                        """)
                .param("id", tokenId)
                .query((rs, row) -> new OutboxRow(rs.getString("id"), rs.getString("aggregatetype"),
                        rs.getString("aggregateid"), rs.getString("type"), rs.getInt("schema_version"),
                        event(rs.getString("payload")), rs.getString("payload")))
                .list();
    }

    private static TokenEvent event(String payload) {
        try {
            return JsonSerde.MAPPER.readValue(payload, TokenEvent.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Outbox payload is not a TokenEvent: " + payload, e);
        }
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
