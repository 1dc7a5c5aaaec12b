package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The default grace period (10 minutes) applies; calls are moved into the past instead of waiting. */
class AutomaticNoShowIT extends OrchestratorIntegrationTest {

    @Autowired
    private UnansweredCalls unansweredCalls;

    @Test
    void marksACalledPatientWhoDidNotComeInANoShowAndFreesTheCabin() {
        // Given two waiting patients, the first called in eleven minutes ago
        Clinic clinic = Clinic.open(api);
        String absent = clinic.waitingToken(1);
        String next = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        calledMinutesAgo(absent, 11);

        // When the check runs
        unansweredCalls.markNoShows();

        // Then the first is a no-show, by the system, saying why, with its event
        assertThat(api.get("/tokens/" + absent).text("status")).isEqualTo("NO_SHOW");
        assertThat(jdbc.sql("""
                        SELECT coalesce(changed_by::text, 'system') || ': ' || change_reason || ' automatic=' || (metadata->>'automatic')
                        FROM token_history WHERE token_id = :id::uuid AND new_status = 'NO_SHOW'
                        """).param("id", absent).query(String.class).single())
                .isEqualTo("system: Did not come in within PT10M of the call automatic=true");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE payload->>'tokenId' = :id AND type = 'TOKEN_MARKED_NO_SHOW'")
                .param("id", absent).query(Integer.class).single()).isEqualTo(1);

        // And the doctor can call the next patient
        assertThat(api.post("/doctors/" + clinic.doctorId + "/call-next").text("tokenId")).isEqualTo(next);
    }

    @Test
    void leavesACallWithinTheGracePeriodAlone() {
        Clinic clinic = Clinic.open(api);
        String called = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        calledMinutesAgo(called, 9);

        unansweredCalls.markNoShows();

        assertThat(api.get("/tokens/" + called).text("status")).isEqualTo("WAITING");
    }

    @Test
    void leavesAPatientWhoseConsultationStartedAlone() {
        Clinic clinic = Clinic.open(api);
        String seen = clinic.waitingToken(1);
        api.post("/doctors/" + clinic.doctorId + "/call-next");
        api.post("/tokens/" + seen + "/start");
        calledMinutesAgo(seen, 30);

        unansweredCalls.markNoShows();

        assertThat(api.get("/tokens/" + seen).text("status")).isEqualTo("IN_CONSULTATION");
    }

    private void calledMinutesAgo(String tokenId, int minutes) {
        jdbc.sql("UPDATE tokens SET called_time = now() - make_interval(mins => :minutes) WHERE token_id = :id::uuid")
                .param("minutes", minutes).param("id", tokenId).update();
    }
}
