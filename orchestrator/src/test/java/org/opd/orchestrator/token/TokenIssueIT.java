package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;

class TokenIssueIT extends OrchestratorIntegrationTest {

    @Test
    void numbersTokensPerDepartmentAndDayStartingAtOne() {
        // Given two hospitals, each with a CARD department, and a doctor also on shift tomorrow
        Clinic clinic = Clinic.open(api);
        Clinic otherHospital = Clinic.open(api);
        LocalDate tomorrow = Clinic.today().plusDays(1);
        clinic.shift(tomorrow);

        // When tokens are issued for today in both, and for tomorrow in the first
        List<String> today = IntStream.range(0, 3).mapToObj(i -> clinic.token(1).get("tokenNumber").asText()).toList();
        String elsewhere = otherHospital.token(1).get("tokenNumber").asText();
        Api.Reply nextDay = clinic.issue(clinic.patient(), 1, tomorrow);

        // Then each department counts its own day from 001
        assertThat(today).containsExactly("CARD-001", "CARD-002", "CARD-003");
        assertThat(elsewhere).isEqualTo("CARD-001");
        assertThat(nextDay.text("tokenNumber")).isEqualTo("CARD-001");
        assertThat(nextDay.text("serviceDate")).isEqualTo(tomorrow.toString());
    }

    @Test
    void givesConcurrentIssuesDistinctNumbersWithoutGaps() throws Exception {
        // Given a department and fifty patients at fifty reception desks and kiosks
        Clinic clinic = Clinic.open(api);
        List<String> patients = IntStream.range(0, 50).mapToObj(i -> clinic.patient()).toList();

        // When all fifty ask for a token at once
        List<Api.Reply> replies = Parallel.run(patients.stream()
                .<Callable<Api.Reply>>map(patient -> () -> clinic.issue(patient, 1, Clinic.today())).toList());

        // Then each gets one, numbered 001 to 050 with none twice and none skipped
        assertThat(replies).extracting(Api.Reply::status).containsOnly(201);
        assertThat(replies).extracting(reply -> reply.text("tokenNumber")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 50).mapToObj(n -> "CARD-%03d".formatted(n)).toList());
        assertThat(jdbc.sql("SELECT last_number FROM token_sequences WHERE dept_id = :dept::uuid")
                .param("dept", clinic.deptId).query(Integer.class).single()).isEqualTo(50);
    }

    @Test
    void refusesTokensBeyondTheDepartmentsDailyLimitWithoutUsingUpANumber() {
        // Given a department that takes two tokens a day, both issued
        Clinic clinic = Clinic.open(api, 2);
        clinic.token(1);
        clinic.token(1);

        // When a third patient asks
        Api.Reply refused = clinic.issue(clinic.patient(), 1, Clinic.today());

        // Then the token is refused and the day's count stays at two
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:daily-token-limit-reached");
        assertThat(refused.body().path("maxTokensPerDay").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT last_number FROM token_sequences WHERE dept_id = :dept::uuid")
                .param("dept", clinic.deptId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM tokens WHERE dept_id = :dept::uuid")
                .param("dept", clinic.deptId).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void fillsADoctorsSessionUpToItsLimitUnderConcurrentIssues() throws Exception {
        // Given a doctor who sees five patients per session, and ten patients asking at once
        Clinic clinic = Clinic.withSessionLimit(api, 5);
        List<String> patients = IntStream.range(0, 10).mapToObj(i -> clinic.patient()).toList();

        List<Api.Reply> replies = Parallel.run(patients.stream()
                .<Callable<Api.Reply>>map(patient -> () -> clinic.issue(patient, 1, Clinic.today())).toList());

        // Then five get tokens 001 to 005 and five are told the session is full
        assertThat(replies).filteredOn(reply -> reply.status() == 201)
                .extracting(reply -> reply.text("tokenNumber"))
                .containsExactlyInAnyOrder("CARD-001", "CARD-002", "CARD-003", "CARD-004", "CARD-005");
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .hasSize(5)
                .allSatisfy(reply -> {
                    assertThat(reply.text("type")).isEqualTo("urn:opd:problem:session-token-limit-reached");
                    assertThat(reply.body().path("maxTokensPerSession").asInt()).isEqualTo(5);
                });
    }

    @Test
    void aCancelledTokenGivesItsPlaceInTheSessionBack() {
        // Given a full session of two, one of them cancelled
        Clinic clinic = Clinic.withSessionLimit(api, 2);
        String cancelled = clinic.token(1).get("tokenId").asText();
        clinic.token(1);
        api.post("/tokens/" + cancelled + "/cancel", Map.of("reason", "Patient asked to cancel"));

        // When a third patient asks
        Api.Reply third = clinic.issue(clinic.patient(), 1, Clinic.today());

        // Then there is room again, under the next number of the day
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.text("tokenNumber")).isEqualTo("CARD-003");
    }

    @Test
    void refusesATokenForADayTheDoctorHasNoShift() {
        Clinic clinic = Clinic.open(api);

        Api.Reply refused = clinic.issue(clinic.patient(), 1, Clinic.today().plusDays(2));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:no-shift");
        assertThat(refused.text("field")).isEqualTo("scheduledTime");
    }

    @Test
    void refusesATokenForAPatientOfAnotherHospital() {
        Clinic clinic = Clinic.open(api);
        Clinic otherHospital = Clinic.open(api);

        Api.Reply refused = clinic.issue(otherHospital.patient(), 1, Clinic.today());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:other-hospital");
        assertThat(refused.text("field")).isEqualTo("patientId");
    }

    @Test
    void refusesATokenForAnUnknownDoctor() {
        Clinic clinic = Clinic.open(api);

        Api.Reply refused = api.post("/tokens", Map.of("patientId", clinic.patient(),
                "doctorId", "6f1c1c36-0000-4000-8000-000000000000", "bookingType", "ONLINE",
                "scheduledTime", Clinic.noon(Clinic.today()).toString()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("resource")).isEqualTo("doctor");
    }
}
