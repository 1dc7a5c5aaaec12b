package org.opd.orchestrator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.params.SetParams;

class DoctorQueueIT extends OrchestratorIntegrationTest {

    private final String current = UUID.randomUUID().toString();
    private final String next = UUID.randomUUID().toString();
    private final String afterNext = UUID.randomUUID().toString();
    private Clinic clinic;

    @AfterEach
    void removeTheProjection() {
        if (clinic != null) {
            String d = clinic.doctorId;
            redis.del("doctor:" + d + ":status", "doctor:" + d + ":current", "queue:doctor:" + d + ":active",
                    "queue:doctor:" + d + ":version", "token:" + current + ":details", "token:" + next + ":details",
                    "token:" + afterNext + ":details", "dept:" + clinic.deptId + ":queue_count");
        }
    }

    @Test
    void showsTheDoctorsLiveQueueAsTheEtaCalculatorProjectedIt() throws Exception {
        // Given a busy doctor with one patient inside and two in line, as the projection writes them
        clinic = Clinic.open(api);
        String d = clinic.doctorId;
        redis.set("doctor:" + d + ":status", "BUSY", SetParams.setParams().ex(300));
        redis.set("doctor:" + d + ":current", current);
        redis.hset("token:" + current + ":details", Map.of("tokenNumber", "CARD-007", "status", "IN_CONSULTATION",
                "priority", "1", "doctorId", d, "version", "9"));
        // Added out of order: the score, not the insertion, is the position.
        redis.zadd("queue:doctor:" + d + ":active", 2, afterNext);
        redis.zadd("queue:doctor:" + d + ":active", 1, next);
        redis.hset("token:" + next + ":details", Map.of("tokenNumber", "CARD-009", "status", "WAITING", "priority", "3",
                "doctorId", d, "position", "1", "etaMinutesP50", "4", "etaMinutesP90", "9", "version", "9"));
        redis.hset("token:" + afterNext + ":details", Map.of("tokenNumber", "CARD-008", "status", "CHECKED_IN",
                "priority", "1", "doctorId", d, "position", "2", "etaMinutesP50", "20", "etaMinutesP90", "31", "version", "9"));
        redis.set("queue:doctor:" + d + ":version", "9");

        // When a screen reads the doctor's queue
        Api.Reply reply = api.get("/doctors/" + d + "/queue");

        // Then it shows exactly that
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(json("""
                {"doctorId": "%s", "version": 9, "doctorStatus": "BUSY",
                 "current": {"tokenId": "%s", "tokenNumber": "CARD-007", "priority": 1},
                 "waiting": [
                   {"tokenId": "%s", "tokenNumber": "CARD-009", "position": 1, "priority": 3, "etaMinutesP50": 4, "etaMinutesP90": 9},
                   {"tokenId": "%s", "tokenNumber": "CARD-008", "position": 2, "priority": 1, "etaMinutesP50": 20, "etaMinutesP90": 31}
                 ]}
                """.formatted(d, current, next, afterNext)));
    }

    @Test
    void showsAnOfflineDoctorWithNobodyInLineWhenNothingIsProjected() throws Exception {
        clinic = Clinic.open(api);

        Api.Reply reply = api.get("/doctors/" + clinic.doctorId + "/queue");

        assertThat(reply.body()).isEqualTo(json("""
                {"doctorId": "%s", "version": 0, "doctorStatus": "OFFLINE", "current": null, "waiting": []}
                """.formatted(clinic.doctorId)));
    }

    @Test
    void showsEveryDoctorOfTheDepartmentWithTheDepartmentsCount() {
        // Given a department with its doctor projected busy, a second doctor on shift there today, and a count
        clinic = Clinic.open(api);
        redis.set("doctor:" + clinic.doctorId + ":status", "BUSY", SetParams.setParams().ex(300));
        redis.set("dept:" + clinic.deptId + ":queue_count", "2");
        String visiting = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode",
                "EMP-" + UUID.randomUUID(), "name", "Dr. Visiting", "specialization", "Cardiology",
                "phone", "+919800000900"), "doctorId");
        api.create("/shifts", Map.of("cabinId", clinic.cabinId, "doctorId", visiting, "shiftDate",
                Clinic.today().toString(), "shiftStartTime", "00:00", "shiftEndTime", "23:59"), "assignmentId");

        // When a department screen reads its queue
        Api.Reply reply = api.get("/departments/" + clinic.deptId + "/queue");

        // Then both doctors show, each with their own live queue, and the department's count
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("waitingCount").asInt()).isEqualTo(2);
        assertThat(reply.body().path("doctors")).extracting(doctor -> doctor.path("doctorId").asText())
                .containsExactly(clinic.doctorId, visiting);
        assertThat(reply.body().path("doctors")).extracting(doctor -> doctor.path("doctorStatus").asText())
                .containsExactly("BUSY", "OFFLINE");
        assertThat(api.get("/departments/" + UUID.randomUUID() + "/queue").text("resource")).isEqualTo("department");
    }

    @Test
    void answers404ForAnUnknownDoctor() {
        Api.Reply reply = api.get("/doctors/" + UUID.randomUUID() + "/queue");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("resource")).isEqualTo("doctor");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
