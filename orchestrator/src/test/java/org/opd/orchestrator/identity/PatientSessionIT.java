package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import static org.opd.orchestrator.support.PatientSignIn.phone;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.PatientSignIn;

/**
 * A patient signs in with a code sent to their phone and then sees only their own tokens; the
 * code cannot be guessed (five tries), nor asked for without end (three per phone per window).
 */
class PatientSessionIT extends OrchestratorIntegrationTest {

    @Test
    void aPatientSignedInByCodeReadsAndChecksInTheirOwnTokenOnly() throws Exception {
        // Given two patients with tokens, the first with a phone of their own
        Clinic clinic = Clinic.open(api);
        String phone = phone();
        String mine = clinic.patient("Meera Iyer", phone);
        String other = clinic.patient("Ravi Shankar", phone());
        String myToken = api.post("/tokens", clinic.issueRequest(mine, 1, Clinic.today())).text("tokenId");
        String otherToken = api.post("/tokens", clinic.issueRequest(other, 1, Clinic.today())).text("tokenId");

        // When the first asks for a code and signs in with it
        Api patient = api.as(PatientSignIn.accessToken(api, jdbc, clinic, phone, mine));

        // Then they read their own token and list their own tokens, check in, and are refused the rest
        assertThat(patient.get("/tokens/" + myToken).status()).isEqualTo(200);
        assertThat(patient.get("/tokens?patientId=" + mine).body().path("items")).hasSize(1);
        assertThat(patient.get("/patients/" + mine).status()).isEqualTo(200);
        assertThat(patient.post("/tokens/" + myToken + "/check-in",
                Map.of("latitude", Clinic.LATITUDE, "longitude", Clinic.LONGITUDE)).text("status")).isEqualTo("CHECKED_IN");
        Api.Reply othersToken = patient.get("/tokens/" + otherToken);
        assertThat(othersToken.status()).isEqualTo(403);
        assertThat(othersToken.text("type")).isEqualTo("urn:opd:problem:forbidden");
        assertThat(patient.get("/patients/" + other).status()).isEqualTo(403);
        assertThat(patient.get("/tokens?hospitalId=" + clinic.hospitalId).status()).isEqualTo(403);
        assertThat(patient.get("/tokens?patientId=" + other).status()).isEqualTo(403);
        assertThat(patient.post("/tokens/" + otherToken + "/cancel", Map.of("reason", "Not mine")).status()).isEqualTo(403);
        assertThat(api.get("/tokens/" + otherToken).text("status")).isEqualTo("BOOKED");
        assertThat(patient.post("/doctors/" + clinic.doctorId + "/call-next").status()).isEqualTo(403);
    }

    @Test
    void aSessionIsRenewedWithTheSameSignInTime() {
        Clinic clinic = Clinic.open(api);
        String phone = phone();
        String mine = clinic.patient("Meera Iyer", phone);
        Api patient = api.as(PatientSignIn.accessToken(api, jdbc, clinic, phone, mine));

        Api.Reply renewed = patient.post("/patient-sessions/renew", null, new org.springframework.http.HttpHeaders());

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.text("sessionEndsAt")).isNotNull();
        assertThat(api.as(renewed.text("accessToken")).get("/patients/" + mine).status()).isEqualTo(200);
        // Staff cannot renew a patient session
        assertThat(api.post("/patient-sessions/renew", null, new org.springframework.http.HttpHeaders()).status()).isEqualTo(403);
    }

    @Test
    void guessingStopsAfterFiveWrongCodesEvenBeforeTheRightOne() throws Exception {
        // Given a patient who asked for a code
        Clinic clinic = Clinic.open(api);
        String phone = phone();
        String mine = clinic.patient("Meera Iyer", phone);
        String code = PatientSignIn.requestCode(api, jdbc, clinic, phone, mine);
        String wrong = code.equals("000000") ? "111111" : "000000";

        // When five wrong codes are tried
        for (int i = 0; i < 5; i++) {
            Api.Reply refused = api.anonymous().post("/patient-sessions",
                    Map.of("hospitalId", clinic.hospitalId, "phone", phone, "code", wrong));
            assertThat(refused.status()).isEqualTo(401);
        }

        // Then the right one is refused too, with the same answer
        Api.Reply right = api.anonymous().post("/patient-sessions", Map.of("hospitalId", clinic.hospitalId, "phone", phone, "code", code));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.contentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aFourthCodeForOnePhoneWithinTheWindowIsRefusedWith429AndRetryAfter() {
        Clinic clinic = Clinic.open(api);
        String phone = phone();
        clinic.patient("Meera Iyer", phone);
        Map<String, String> ask = Map.of("hospitalId", clinic.hospitalId, "phone", phone);

        List<Integer> answers = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> api.anonymous().post("/patient-sessions/codes", ask).status()).toList();
        Api.Reply fourth = api.anonymous().post("/patient-sessions/codes", ask);

        assertThat(answers.subList(0, 3)).containsOnly(202);
        assertThat(answers.get(3)).isEqualTo(429);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.headers().getFirst("Retry-After"))).isPositive();
        assertThat(fourth.contentType().toString()).startsWith("application/problem+json");
    }
}
