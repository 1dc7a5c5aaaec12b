package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.testsupport.AccessTokens;

import com.fasterxml.jackson.databind.JsonNode;

/** A revoked credential stops working at once: its tokens already out are refused and no new ones are issued. */
class RevocationIT extends OrchestratorIntegrationTest {

    @Test
    void aRevokedScreenIsRefusedAtOnceAndGetsNoNewToken() {
        // Given a waiting-room screen of a clinic, reading its doctor's queue
        Clinic clinic = Clinic.open(api);
        JsonNode screen = api.callers().issue(Map.of("kind", "DISPLAY", "name", "Cardiology TV", "hospitalId", clinic.hospitalId,
                "roles", List.of("DISPLAY")));
        Api display = api.as(api.callers().token(screen));
        assertThat(display.get("/doctors/" + clinic.doctorId + "/queue").status()).isEqualTo(200);

        // When an administrator revokes it
        Api.Reply revoked = api.as(api.callers().bootstrap()).post("/api-clients/" + screen.path("credentialId").asText() + "/revoke");

        // Then its token is refused with 401 at the next call, and the token endpoint issues it none
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().path("revoked").asBoolean()).isTrue();
        Api.Reply refused = display.get("/doctors/" + clinic.doctorId + "/queue");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.callers().token(screen))
                .hasMessageContaining("401");
    }

    @Test
    void aScreenReadsQueuesButNoTokenOrPatient() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        Api display = api.as(api.callers().client(Set.of("DISPLAY"), clinic.hospitalId, null, null));
        Api otherHospitalsScreen = api.as(api.callers().client(Set.of("DISPLAY"), Clinic.open(api).hospitalId, null, null));

        assertThat(display.get("/departments/" + clinic.deptId + "/queue").status()).isEqualTo(200);
        assertThat(display.get("/tokens/" + tokenId).status()).isEqualTo(403);
        assertThat(display.get("/patients/" + api.get("/tokens/" + tokenId).text("patientId")).status()).isEqualTo(403);
        assertThat(otherHospitalsScreen.get("/departments/" + clinic.deptId + "/queue").status()).isEqualTo(403);
    }

    @Test
    void aDoctorCannotMoveAnotherDoctorsTokenAndTheRefusalChangesNothing() {
        // Given two clinics' doctors, and a token waiting for the second
        Clinic mine = Clinic.open(api);
        Clinic theirs = Clinic.open(api);
        String tokenId = theirs.token(1).get("tokenId").asText();
        int historyBefore = history(tokenId);

        // When the first doctor tries to start and complete it
        Api doctor = api.as(api.callers().doctor(mine.doctorId));
        Api.Reply start = doctor.post("/tokens/" + tokenId + "/start");

        // Then it is refused naming what is missing, and nothing changed
        assertThat(start.status()).isEqualTo(403);
        assertThat(start.text("missingPermission")).isEqualTo("the doctor's own queue");
        assertThat(doctor.post("/doctors/" + theirs.doctorId + "/call-next").status()).isEqualTo(403);
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("BOOKED");
        assertThat(history(tokenId)).isEqualTo(historyBefore);
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessTokens.clientCredentials(rest.getRootUri(),
                "opd-test-bootstrap", "not-the-secret")).hasMessageContaining("401");
    }

    private int history(String tokenId) {
        return jdbc.sql("SELECT count(*) FROM token_history WHERE token_id = :id::uuid").param("id", tokenId)
                .query(Integer.class).single();
    }
}
