package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.PriorityHeadStart;
import org.springframework.http.MediaType;

class CallNextIT extends OrchestratorIntegrationTest {

    @Test
    void callsTheHighestPriorityFirstThenByCheckInTime() {
        // Given two normal patients and then an emergency waiting, and one patient checked in but not triaged
        Clinic clinic = Clinic.open(api);
        String firstNormal = clinic.waitingToken(1);
        String secondNormal = clinic.waitingToken(1);
        String emergency = clinic.waitingToken(3);
        String notTriaged = clinic.token(1).get("tokenId").asText();
        clinic.checkIn(notTriaged);

        // When the doctor works through the queue
        String firstCalled = seeNext(clinic);
        String secondCalled = seeNext(clinic);
        String thirdCalled = seeNext(clinic);
        Api.Reply nobodyLeft = api.post("/doctors/" + clinic.doctorId + "/call-next");

        // Then the emergency goes first, then the normal patients in check-in order
        assertThat(List.of(firstCalled, secondCalled, thirdCalled)).containsExactly(emergency, firstNormal, secondNormal);

        // And when nobody waits, the call is a 404 problem (the untriaged patient is not in line yet)
        assertThat(nobodyLeft.status()).isEqualTo(404);
        assertThat(nobodyLeft.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(nobodyLeft.text("type")).isEqualTo("urn:opd:problem:no-waiting-token");
        assertThat(api.get("/tokens/" + notTriaged).text("calledTime")).isNull();
    }

    @Test
    void breaksATieOfCheckInTimesByTokenNumberAsTheQueuePositionsDo() {
        // Given two normal patients who checked in at the same instant, the later number first in the table
        Clinic clinic = Clinic.open(api);
        String first = clinic.waitingToken(1);
        String second = clinic.waitingToken(1);
        jdbc.sql("UPDATE tokens SET check_in_time = (SELECT check_in_time FROM tokens WHERE token_id = :second::uuid) "
                        + "WHERE token_id = :first::uuid")
                .param("first", first).param("second", second).update();

        // When the doctor calls the next patient
        String called = api.post("/doctors/" + clinic.doctorId + "/call-next").text("tokenId");

        // Then it is the lower token number, as the topology's positions order them
        assertThat(called).isEqualTo(first);
    }

    @Test
    void theDatabaseOrdersTiesAsTheSharedComparatorDoes() {
        // Given tokens of every priority, some not checked in, many tying on their place, with random numbers and ids
        Random random = new Random(13);
        Instant nine = Instant.parse("2026-12-02T03:30:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant checkIn = random.nextBoolean() ? null : nine.plusSeconds(60L * random.nextInt(3));
            rows.add(new Object[] {PriorityHeadStart.DEFAULTS.placeOf(1 + random.nextInt(3), checkIn),
                    "C-" + (char) ('A' + random.nextInt(3)) + "-" + random.nextInt(20), UUID.randomUUID()});
        }

        // When PostgreSQL sorts them by the call-next ORDER BY and Java by the topology's comparator
        List<UUID> byDatabase = jdbc.sql("SELECT t.token_id FROM (VALUES " + String.join(", ",
                        Collections.nCopies(rows.size(), "(?::timestamptz, ?::varchar, ?::uuid)"))
                        + ") AS t(line_place_at, token_number, token_id) ORDER BY " + CallOrder.sql("t"))
                .params(rows.stream().flatMap(row -> java.util.Arrays.stream(new Object[] {
                        row[0] == null ? null : java.sql.Timestamp.from((Instant) row[0]), row[1], row[2]})).toList())
                .query(UUID.class).list();
        List<UUID> byJava = rows.stream()
                .sorted(CallOrder.<Object[]>comparator(row -> (Instant) row[0], row -> (String) row[1], row -> (UUID) row[2]))
                .map(row -> (UUID) row[2]).toList();

        // Then both give the same order
        assertThat(byDatabase).containsExactlyElementsOf(byJava);
    }

    @Test
    void refusesToCallWhileSomeoneIsCalledInOrInConsultation() {
        // Given two waiting patients, the first called in
        Clinic clinic = Clinic.open(api);
        String first = clinic.waitingToken(1);
        String second = clinic.waitingToken(1);
        String callNext = "/doctors/" + clinic.doctorId + "/call-next";
        assertThat(api.post(callNext).text("tokenId")).isEqualTo(first);

        // When the doctor clicks again before starting, and again during the consultation
        Api.Reply whileCalled = api.post(callNext);
        api.post("/tokens/" + first + "/start");
        Api.Reply whileConsulting = api.post(callNext);

        // Then both are refused, naming the token in the cabin
        assertThat(whileCalled.status()).isEqualTo(409);
        assertThat(whileCalled.text("type")).isEqualTo("urn:opd:problem:doctor-busy");
        assertThat(whileCalled.text("tokenId")).isEqualTo(first);
        assertThat(whileCalled.text("currentStatus")).isEqualTo("WAITING");
        assertThat(whileConsulting.status()).isEqualTo(409);
        assertThat(whileConsulting.text("currentStatus")).isEqualTo("IN_CONSULTATION");

        // And after the consultation the next patient is called
        api.post("/tokens/" + first + "/complete");
        assertThat(api.post(callNext).text("tokenId")).isEqualTo(second);
    }

    @Test
    void refusesToStartAConsultationOfAPatientNotCalledIn() {
        Clinic clinic = Clinic.open(api);
        String waiting = clinic.waitingToken(1);

        Api.Reply refused = api.post("/tokens/" + waiting + "/start");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("currentStatus")).isEqualTo("WAITING");
        assertThat(refused.text("detail")).contains("has not been called");
    }

    @Test
    void tenSimultaneousClicksCallExactlyOnePatient() throws Exception {
        // Given three patients waiting
        Clinic clinic = Clinic.open(api);
        for (int i = 0; i < 3; i++) {
            clinic.waitingToken(1);
        }

        // When "call next" is clicked ten times at once
        CyclicBarrier together = new CyclicBarrier(10);
        List<Callable<Api.Reply>> clicks = Collections.nCopies(10, () -> {
            together.await();
            return api.post("/doctors/" + clinic.doctorId + "/call-next");
        });
        List<Api.Reply> replies = Parallel.run(clicks);

        // Then one patient is called and every other click is told the cabin is taken
        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .hasSize(9)
                .allSatisfy(reply -> assertThat(reply.text("type")).isEqualTo("urn:opd:problem:doctor-busy"));
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE doctor_id = :d::uuid AND called_time IS NOT NULL")
                .param("d", clinic.doctorId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE aggregateid = :d AND type = 'TOKEN_CALLED'")
                .param("d", clinic.doctorId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void answers404ForAnUnknownDoctor() {
        Clinic clinic = Clinic.open(api);
        Api doctor = api.as(api.callers().doctor(clinic.doctorId));

        Api.Reply reply = doctor.post("/doctors/6f1c1c36-0000-4000-8000-000000000000/call-next");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("resource")).isEqualTo("doctor");
    }

    /** Calls the next patient, sees them and returns whom. */
    private String seeNext(Clinic clinic) {
        Api.Reply called = api.post("/doctors/" + clinic.doctorId + "/call-next");
        assertThat(called.status()).as("call-next answered %s", called.body()).isEqualTo(200);
        String tokenId = called.text("tokenId");
        assertThat(api.post("/tokens/" + tokenId + "/start").status()).isEqualTo(200);
        assertThat(api.post("/tokens/" + tokenId + "/complete").status()).isEqualTo(200);
        return tokenId;
    }
}
