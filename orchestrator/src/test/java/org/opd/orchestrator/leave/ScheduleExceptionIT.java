package org.opd.orchestrator.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;

class ScheduleExceptionIT extends OrchestratorIntegrationTest {

    @Test
    void aLeaveListsTheDoctorsTokensNotYetCalledWithinItInCallOrder() {
        // Given a doctor with a patient called in, a normal and an emergency patient waiting, one booked,
        // and a token on a day after the leave
        Clinic clinic = Clinic.open(api);
        String called = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        String normal = clinic.waitingToken(1);
        String emergency = clinic.waitingToken(3);
        String booked = clinic.token(2).get("tokenId").asText();
        LocalDate later = Clinic.today().plusDays(3);
        clinic.shift(later);
        String afterLeave = clinic.issue(clinic.patient(), 1, later).text("tokenId");

        // When the department head records that the doctor was taken ill, until tomorrow evening
        Api.Reply created = api.post("/schedule-exceptions", leave(clinic, OffsetDateTime.now().minusHours(1),
                Clinic.noon(Clinic.today().plusDays(1)).plusHours(6)));

        // Then the answer lists the tokens still to be seen, in the order they would have been called
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasPath("/api/v1/schedule-exceptions/" + created.text("exceptionId"));
        assertThat(created.text("redistributionStatus")).isEqualTo("PENDING");
        assertThat(created.body().path("approved").asBoolean()).isFalse();
        assertThat(created.body().path("affectedTokensCount").asInt()).isEqualTo(3);
        assertThat(created.body().path("affectedTokens").findValuesAsText("tokenId"))
                .containsExactly(emergency, normal, booked)
                .doesNotContain(called, afterLeave);

        // And it is stored as asked, and read back the same
        Api.Reply read = api.get("/schedule-exceptions/" + created.text("exceptionId"));
        assertThat(read.text("exceptionType")).isEqualTo("UNPLANNED_LEAVE");
        assertThat(read.text("reason")).isEqualTo("Taken ill");
        assertThat(read.body().path("affectedTokens").findValuesAsText("tokenId")).containsExactly(emergency, normal, booked);
    }

    @Test
    void refusesAnExceptionOverlappingAnotherOfTheSameDoctorAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        OffsetDateTime nine = Clinic.noon(Clinic.today().plusDays(10)).minusHours(3);
        String first = api.create("/schedule-exceptions", leave(clinic, nine, nine.plusHours(4)), "exceptionId");

        Api.Reply overlapping = api.post("/schedule-exceptions", leave(clinic, nine.plusHours(3), nine.plusHours(6)));
        Api.Reply adjacent = api.post("/schedule-exceptions", leave(clinic, nine.plusHours(4), nine.plusHours(6)));

        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.text("type")).isEqualTo("urn:opd:problem:schedule-exception-overlap");
        assertThat(overlapping.text("exceptionId")).isEqualTo(first);
        assertThat(adjacent.status()).isEqualTo(201);
        assertThat(exceptionsOf(clinic)).isEqualTo(2);
    }

    @Test
    void ofFiveOverlappingRequestsAtOnceExactlyOneIsStored() throws Exception {
        Clinic clinic = Clinic.open(api);
        OffsetDateTime nine = Clinic.noon(Clinic.today().plusDays(20)).minusHours(3);
        CyclicBarrier together = new CyclicBarrier(5);
        List<Callable<Api.Reply>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OffsetDateTime start = nine.plusMinutes(10L * i);
            requests.add(() -> {
                together.await();
                return api.post("/schedule-exceptions", leave(clinic, start, start.plusHours(2)));
            });
        }

        List<Api.Reply> replies = Parallel.run(requests);

        assertThat(replies).extracting(Api.Reply::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(exceptionsOf(clinic)).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownDoctorAndAnEndBeforeTheStartWithProblems() {
        Clinic clinic = Clinic.open(api);
        OffsetDateTime nine = Clinic.noon(Clinic.today().plusDays(10)).minusHours(3);
        Map<String, Object> unknownDoctor = new HashMap<>(leave(clinic, nine, nine.plusHours(1)));
        unknownDoctor.put("doctorId", "6f1c1c36-0000-4000-8000-000000000000");
        Map<String, Object> unknownType = new HashMap<>(leave(clinic, nine, nine.plusHours(1)));
        unknownType.put("exceptionType", "HOLIDAY");

        Api.Reply noDoctor = api.post("/schedule-exceptions", unknownDoctor);
        Api.Reply backwards = api.post("/schedule-exceptions", leave(clinic, nine, nine.minusHours(1)));
        Api.Reply badType = api.post("/schedule-exceptions", unknownType);

        assertThat(noDoctor.status()).isEqualTo(404);
        assertThat(noDoctor.text("resource")).isEqualTo("doctor");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("type")).isEqualTo("urn:opd:problem:validation");
        assertThat(backwards.body().path("errors").findValuesAsText("message")).contains("endDatetime must be after startDatetime");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(exceptionsOf(clinic)).isZero();
    }

    @Test
    void theDepartmentHeadApprovesOnce() {
        // Given a requested leave and the department's head
        Clinic clinic = Clinic.open(api);
        OffsetDateTime nine = Clinic.noon(Clinic.today().plusDays(12)).minusHours(3);
        String exceptionId = api.create("/schedule-exceptions", leave(clinic, nine, nine.plusHours(8)), "exceptionId");
        Api head = api.as(api.callers().client(Set.of("DEPARTMENT_HEAD"), clinic.hospitalId, clinic.deptId, null));

        // When the head approves it, and approves it again
        Api.Reply approved = head.post("/schedule-exceptions/" + exceptionId + "/approve");
        Api.Reply again = head.post("/schedule-exceptions/" + exceptionId + "/approve");

        // Then it is approved by the head once; the second is a conflict that changes nothing
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("approved").asBoolean()).isTrue();
        assertThat(approved.text("approvedBy")).isNotNull();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:opd:problem:schedule-exception-approved");
        assertThat(api.get("/schedule-exceptions/" + exceptionId).text("approvedAt")).isEqualTo(approved.text("approvedAt"));
    }

    private static Map<String, Object> leave(Clinic clinic, OffsetDateTime start, OffsetDateTime end) {
        return Map.of("doctorId", clinic.doctorId, "exceptionType", "UNPLANNED_LEAVE", "startDatetime", start.toString(),
                "endDatetime", end.toString(), "reason", "Taken ill");
    }

    private int exceptionsOf(Clinic clinic) {
        return jdbc.sql("SELECT count(*) FROM schedule_exceptions WHERE doctor_id = :d::uuid")
                .param("d", clinic.doctorId).query(Integer.class).single();
    }
}
