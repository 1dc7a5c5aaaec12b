package org.opd.orchestrator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opd.orchestrator.support.EventStreams.next;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.EventStreams;
import org.opd.orchestrator.support.EventStreams.Event;
import org.opd.orchestrator.support.LiveProjection;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.schemas.status.StatusLinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A patient's status link against PostgreSQL and the local Redis, opened by nobody signed in: the link
 * is the credential. The projection is written here as the eta-calculator writes it.
 */
class StatusLinksIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StatusLinks LINKS = StatusLinks.withKey(STATUS_LINK_KEY);

    private LiveProjection projection;
    private EventStreams streams;
    private Clinic clinic;
    private Api doctor;

    @BeforeEach
    void openClinic() {
        projection = new LiveProjection(redis);
        streams = new EventStreams(rest.getRootUri());
        clinic = Clinic.open(api);
        doctor = api.as(api.callers().client(Set.of("DOCTOR"), clinic.hospitalId, null, clinic.doctorId));
    }

    @AfterEach
    void close() {
        streams.close();
        projection.close();
    }

    @Test
    void aLinkShowsItsOwnTokenOnlyWithPlaceEtaAndTheCabinOnceCalled() {
        // Given a waiting token, second in the projected line
        String tokenId = clinic.waitingToken(1);
        projection.oneToken(UUID.fromString(clinic.doctorId), UUID.fromString(clinic.deptId), 1, UUID.fromString(tokenId), 2, 12);

        // When its link is opened by someone not signed in
        Api.Reply waiting = api.anonymous().get("/status-links/" + LINKS.linkOf(UUID.fromString(tokenId)));

        // Then it shows the token's number, place and ETA range, and no cabin yet
        assertThat(waiting.status()).isEqualTo(200);
        JsonNode status = waiting.body();
        assertThat(status.path("tokenNumber").asText()).isEqualTo("CARD-001");
        assertThat(status.path("status").asText()).isEqualTo("WAITING");
        assertThat(status.path("queuePosition").asInt()).isEqualTo(2);
        assertThat(status.path("etaMinutesP50").asInt()).isEqualTo(12);
        assertThat(status.path("etaMinutesP90").asInt()).isEqualTo(17);
        assertThat(status.path("cabinNumber").isNull()).isTrue();
        assertThat(status.path("doctorName").asText()).isEqualTo("Dr. Asha Rao");
        assertThat(status.path("ended").asBoolean()).isFalse();
        // nothing about the patient beyond the token, nor about anyone else
        assertThat(status.toString()).doesNotContain("Meera", "Iyer", "+91", "patientId", "tokenId");

        // When the doctor calls it in, then the link shows the cabin to go to
        assertThat(doctor.post("/doctors/" + clinic.doctorId + "/call-next").status()).isEqualTo(200);
        JsonNode called = api.anonymous().get("/status-links/" + LINKS.linkOf(UUID.fromString(tokenId))).body();
        assertThat(called.path("cabinNumber").asText()).isEqualTo("C-101");
        assertThat(called.path("calledTime").asText()).endsWith("+05:30");
    }

    @Test
    void theStreamSendsWhatChangesAndEndsAfterTheLastStatusOfTheVisit() throws Exception {
        // Given a waiting token's page following its stream
        String tokenId = clinic.waitingToken(1);
        UUID doctorId = UUID.fromString(clinic.doctorId);
        UUID deptId = UUID.fromString(clinic.deptId);
        BlockingQueue<Event> events = streams.follow("/status-links/" + LINKS.linkOf(UUID.fromString(tokenId)) + "/stream", null);
        assertThat(next(events).name()).isEqualTo("ready");

        // When the projection places it first, then announces a change that does not touch what the page shows
        projection.oneToken(doctorId, deptId, 1, UUID.fromString(tokenId), 1, 6);
        Event placed = next(events);
        projection.announce(doctorId, deptId, 2);

        // Then the page got its place once, not twice
        assertThat(placed.name()).isEqualTo("status");
        assertThat(JSON.readTree(placed.data()).path("queuePosition").asInt()).isEqualTo(1);

        // When the doctor calls, starts and completes the consultation, each announced
        doctor.post("/doctors/" + clinic.doctorId + "/call-next");
        projection.announce(doctorId, deptId, 3);
        JsonNode called = JSON.readTree(next(events).data());
        doctor.post("/tokens/" + tokenId + "/start");
        doctor.post("/tokens/" + tokenId + "/complete");
        projection.announce(doctorId, deptId, 4);

        // Then the page saw the cabin, then the visit's end, and the stream closed
        assertThat(called.path("cabinNumber").asText()).isEqualTo("C-101");
        JsonNode last = JSON.readTree(next(events).data());
        assertThat(last.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(last.path("ended").asBoolean()).isTrue();
        assertThat(next(events).name()).isEqualTo("end");
    }

    @Test
    void aLinkWorksForTheGracePeriodAfterTheVisitEndedAndNoLonger() {
        // Given a cancelled token
        String tokenId = clinic.token(1).get("tokenId").asText();
        api.post("/tokens/" + tokenId + "/cancel", Map.of("reason", "Patient phoned"));
        String link = LINKS.linkOf(UUID.fromString(tokenId));

        // Then its link still shows the end of the visit
        JsonNode ended = api.anonymous().get("/status-links/" + link).body();
        assertThat(ended.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(ended.path("ended").asBoolean()).isTrue();

        // When it ended longer ago than the grace period (an hour by default)
        jdbc.sql("UPDATE tokens SET updated_at = now() - interval '61 minutes' WHERE token_id = :id")
                .param("id", UUID.fromString(tokenId)).update();

        // Then the link no longer works, for the page and for its stream
        Api.Reply expired = api.anonymous().get("/status-links/" + link);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body().path("type").asText()).endsWith("status-link-expired");
        assertThat(api.anonymous().get("/status-links/" + link + "/stream", Api.headers("Accept", "text/event-stream")).status())
                .isEqualTo(404);
    }

    @Test
    void aForgedLinkIsUnknownAndTextOfAnotherFormIsABadRequestNamingTheLink() {
        String tokenId = clinic.token(1).get("tokenId").asText();
        String forged = StatusLinks.withKey(StatusLinks.newKey()).linkOf(UUID.fromString(tokenId));

        Api.Reply unknown = api.anonymous().get("/status-links/" + forged);
        Api.Reply tokenIdItself = api.anonymous().get("/status-links/" + tokenId);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("type").asText()).endsWith("status-link-unknown");
        // (the problem's instance is the caller's own request path; its words do not quote the link)
        assertThat(unknown.body().path("detail").asText()).doesNotContain(forged);
        assertThat(tokenIdItself.status()).isEqualTo(400);
        assertThat(tokenIdItself.body().path("errors").get(0).path("field").asText()).isEqualTo("link");
    }
}
