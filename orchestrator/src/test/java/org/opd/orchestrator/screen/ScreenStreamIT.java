package org.opd.orchestrator.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opd.orchestrator.support.EventStreams.next;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.EventStreams;
import org.opd.orchestrator.support.EventStreams.Event;
import org.opd.orchestrator.support.LiveProjection;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The screens' live streams against the local Redis: the projection's keys and announcement are
 * written here as the eta-calculator writes them, and the stream is read as a screen reads it.
 */
class ScreenStreamIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ScreenStreams screenStreams;

    private LiveProjection projection;
    private EventStreams streams;
    private Clinic clinic;

    @BeforeEach
    void openStreamsAndProjection() {
        projection = new LiveProjection(redis);
        streams = new EventStreams(rest.getRootUri());
    }

    @AfterEach
    void closeAndClean() {
        streams.close();
        projection.close();
    }

    @Test
    void aDisplayGetsEachChangeOfItsDepartmentInOrderWithMaskedNames() throws Exception {
        // Given a department whose doctor has one waiting token, and a display following it
        clinic = Clinic.open(api);
        UUID doctorId = UUID.fromString(clinic.doctorId);
        UUID tokenId = UUID.fromString(clinic.token(1).get("tokenId").asText());
        String display = display();
        BlockingQueue<Event> events = streams.follow("/departments/" + clinic.deptId + "/display/stream", display);
        assertThat(next(events).name()).isEqualTo("ready");

        // When the projection applies versions 1 and then 2 and announces them
        project(doctorId, 1, tokenId, 1, 12);
        Event first = next(events);
        project(doctorId, 2, tokenId, 1, 4);
        Event second = next(events);

        // Then the display gets both, in order, with the masked name and never the name
        assertThat(first.name()).isEqualTo("queue");
        assertThat(first.id()).isEqualTo(doctorId + ":1");
        JsonNode queue = JSON.readTree(first.data());
        assertThat(queue.path("version").asLong()).isEqualTo(1);
        assertThat(queue.path("waiting").get(0).path("maskedName").asText()).isEqualTo("M*** I***");
        assertThat(queue.path("waiting").get(0).path("etaMinutesP50").asInt()).isEqualTo(12);
        assertThat(JSON.readTree(second.data()).path("waiting").get(0).path("etaMinutesP50").asInt()).isEqualTo(4);
        assertThat(first.data() + second.data()).doesNotContain("Meera", "Iyer");

        // And the display's state, loaded after "ready", names the cabin, the doctor and the department's colour
        JsonNode board = api.as(display).get("/departments/" + clinic.deptId + "/display").body();
        assertThat(board.path("colorCode").asText()).isEqualTo("#C0392B");
        assertThat(board.path("cabins").get(0).path("cabinNumber").asText()).isEqualTo("C-101");
        assertThat(board.path("cabins").get(0).path("doctorName").asText()).isEqualTo("Dr. Asha Rao");
        assertThat(board.path("cabins").get(0).path("queue").path("version").asLong()).isEqualTo(2);

        // And once the stream ended, it is in the audit trail as a read of the department's queue
        screenStreams.disconnectAll();
        assertThat(next(events).name()).isEqualTo("end");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT outcome FROM audit_log WHERE resource_id = :deptId AND path = '/api/v1/departments/{deptId}/display/stream'")
                .param("deptId", UUID.fromString(clinic.deptId)).query(String.class).list()).containsExactly("ALLOWED"));
    }

    @Test
    void aChangeOfAnotherDepartmentIsNotSent() throws Exception {
        clinic = Clinic.open(api);
        Clinic other = Clinic.open(api);
        UUID otherToken = UUID.fromString(other.token(1).get("tokenId").asText());
        UUID ownToken = UUID.fromString(clinic.token(1).get("tokenId").asText());
        BlockingQueue<Event> events = streams.follow("/departments/" + clinic.deptId + "/display/stream", display());
        assertThat(next(events).name()).isEqualTo("ready");

        projection.oneToken(UUID.fromString(other.doctorId), UUID.fromString(other.deptId), 1, otherToken, 1, 5);
        project(UUID.fromString(clinic.doctorId), 1, ownToken, 1, 7);

        Event only = next(events);
        assertThat(only.id()).isEqualTo(clinic.doctorId + ":1");
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenTheSubscriptionToRedisBreaksTheStreamsEndAndReopenOnceItIsBack() throws Exception {
        // Given a display following a department
        clinic = Clinic.open(api);
        String display = display();
        BlockingQueue<Event> events = streams.follow("/departments/" + clinic.deptId + "/display/stream", display);
        assertThat(next(events).name()).isEqualTo("ready");

        // When Redis drops the orchestrator's subscription
        String clients = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.CLIENT, "LIST", "TYPE", "pubsub"));
        for (String client : clients.split("\n")) {
            if (client.contains(" name=" + LiveChangeListener.CLIENT_NAME + " ")) {
                redis.sendCommand(Protocol.Command.CLIENT, "KILL", "ADDR", client.replaceAll(".*\\baddr=(\\S+).*", "$1").strip());
            }
        }

        // Then the stream ends (the screen must reload), and a new one follows again once resubscribed
        assertThat(next(events).name()).isEqualTo("end");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            BlockingQueue<Event> again = streams.follow("/departments/" + clinic.deptId + "/display/stream", display);
            assertThat(next(again).name()).isEqualTo("ready");
        });
    }

    @Test
    void changesComingFasterThanTheyAreSentCollapseIntoTheNewest() throws Exception {
        clinic = Clinic.open(api);
        UUID doctorId = UUID.fromString(clinic.doctorId);
        UUID tokenId = UUID.fromString(clinic.token(1).get("tokenId").asText());
        BlockingQueue<Event> events = streams.follow("/doctors/" + doctorId + "/queue/stream", display());
        assertThat(next(events).name()).isEqualTo("ready");

        for (int version = 1; version <= 20; version++) {
            project(doctorId, version, tokenId, 1, 30 - version);
        }

        // Each event shows the newest state when it was read: versions only grow, and the last is 20.
        List<Long> versions = new ArrayList<>();
        while (versions.isEmpty() || versions.get(versions.size() - 1) < 20) {
            versions.add(JSON.readTree(next(events).data()).path("version").asLong());
        }
        assertThat(versions).isSorted().doesNotHaveDuplicates().hasSizeBetween(1, 20);
    }

    @Test
    void aStreamOfAnUnknownDepartmentIsA404() {
        clinic = Clinic.open(api);
        Api.Reply reply = api.as(display()).get("/departments/" + UUID.randomUUID() + "/display/stream",
                Api.headers("Accept", "text/event-stream"));

        assertThat(reply.status()).isEqualTo(404);
    }

    private String display() {
        return api.callers().client(Set.of("DISPLAY"), clinic.hospitalId, null, null);
    }

    /** A one-token queue of the clinic's department, projected and announced. */
    private void project(UUID doctorId, long version, UUID tokenId, int position, int p50) {
        projection.oneToken(doctorId, UUID.fromString(clinic.deptId), version, tokenId, position, p50);
    }
}
