package org.opd.eta.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.live.LiveQueueChange;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenStatus;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.resps.Tuple;

/** The Lua projection against the local Redis (db 0, keys of fresh random ids, deleted afterwards). */
class RedisQueueProjectionIT {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    private final JedisPooled redis = new JedisPooled("127.0.0.1", 6379);
    private final RedisQueueProjection projection = new RedisQueueProjection(redis, Duration.ofSeconds(300), Duration.ofHours(24));
    private final List<String> keysToDelete = new ArrayList<>();

    private final UUID deptId = UUID.randomUUID();
    private final UUID doctorId = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID inCabin = UUID.randomUUID();
    private final UUID booked = UUID.randomUUID();

    @AfterEach
    void deleteKeys() {
        redis.del(keysToDelete.toArray(String[]::new));
        redis.close();
    }

    @Test
    void writesTheKeysAScreenReads() {
        // When a busy doctor's queue with two waiting and one booked token is projected
        boolean applied = projection.project(snapshot(doctorId, 4, inCabinToken(),
                List.of(waiting(first, "GEN-002", 1, 6, 11), waiting(second, "GEN-003", 2, 21, 31)),
                List.of(bookedToken()), List.of()));

        // Then
        assertThat(applied).isTrue();
        assertThat(redis.zrangeWithScores(key("queue:doctor:%s:active", doctorId), 0, -1))
                .extracting(Tuple::getElement, Tuple::getScore)
                .containsExactly(tuple(first.toString(), 1.0),
                        tuple(second.toString(), 2.0));
        assertThat(redis.get(key("doctor:%s:current", doctorId))).isEqualTo(inCabin.toString());
        assertThat(redis.get(key("doctor:%s:status", doctorId))).isEqualTo("BUSY");
        assertThat(redis.ttl(key("doctor:%s:status", doctorId))).isBetween(290L, 300L);
        assertThat(redis.get(key("dept:%s:queue_count", deptId))).isEqualTo("2");
        assertThat(redis.get(key("queue:doctor:%s:version", doctorId))).isEqualTo("4");
        assertThat(redis.hgetAll(key("token:%s:details", first))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tokenNumber", "GEN-002", "status", "WAITING", "priority", "1", "doctorId", doctorId.toString(),
                "position", "1", "etaMinutesP50", "6", "etaMinutesP90", "11", "version", "4"));
        assertThat(redis.hgetAll(key("token:%s:details", inCabin))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tokenNumber", "GEN-001", "status", "IN_CONSULTATION", "priority", "1", "doctorId", doctorId.toString(),
                "version", "4"));
        assertThat(redis.hgetAll(key("token:%s:details", booked)))
                .containsEntry("status", "BOOKED")
                .doesNotContainKeys("position", "etaMinutesP50", "etaMinutesP90");
    }

    @Test
    void aDepartedTokenKeepsItsDetailsWithTheFinalStatusButNoPositionOrEta() {
        projection.project(snapshot(doctorId, 1, null,
                List.of(waiting(first, "GEN-002", 1, 0, 0), waiting(second, "GEN-003", 2, 15, 20)), List.of(), List.of()));

        projection.project(snapshot(doctorId, 2, null, List.of(waiting(second, "GEN-003", 1, 0, 0)), List.of(),
                List.of(departed(first, "GEN-002", TokenStatus.NO_SHOW))));

        assertThat(redis.hgetAll(key("token:%s:details", first)))
                .containsEntry("status", "NO_SHOW")
                .containsEntry("version", "2")
                .doesNotContainKeys("position", "etaMinutesP50", "etaMinutesP90");
        assertThat(redis.ttl(key("token:%s:details", first))).isPositive();
        assertThat(redis.zrange(key("queue:doctor:%s:active", doctorId), 0, -1)).containsExactly(second.toString());
        assertThat(redis.get(key("doctor:%s:status", doctorId))).isEqualTo("AVAILABLE");
        assertThat(redis.exists(key("doctor:%s:current", doctorId))).isFalse();
    }

    @Test
    void aParkedTokenLeavesTheLineAndItsDetailsLosePositionAndEtaButKeepItsStatus() {
        projection.project(snapshot(doctorId, 1, null,
                List.of(waiting(first, "GEN-002", 1, 0, 0), waiting(second, "GEN-003", 2, 15, 20)), List.of(), List.of()));

        QueueSnapshot parked = new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, doctorId, deptId, UUID.randomUUID(), 2, NOW,
                DoctorStatus.AVAILABLE, null, List.of(waiting(second, "GEN-003", 1, 0, 0)), List.of(), List.of(),
                List.of(new QueuedToken(first, "GEN-002", TokenStatus.WAITING, 1, null, null, null, NOW, null, null)));
        projection.project(parked);

        assertThat(redis.zrange(key("queue:doctor:%s:active", doctorId), 0, -1)).containsExactly(second.toString());
        assertThat(redis.get(key("dept:%s:queue_count", deptId))).isEqualTo("1");
        assertThat(redis.hgetAll(key("token:%s:details", first)))
                .containsEntry("status", "WAITING")
                .containsEntry("version", "2")
                .doesNotContainKeys("position", "etaMinutesP50", "etaMinutesP90");
        assertThat(redis.ttl(key("token:%s:details", first))).as("not over: kept").isEqualTo(-1L);
    }

    @Test
    void aTokenMovedToAnotherDoctorKeepsTheNewDoctorsDetailsWhenTheOldDoctorsSnapshotArrivesLate() {
        // Given the token moved from doctorId to another doctor at 09:40, after waiting since 09:30
        UUID other = UUID.randomUUID();
        Instant moved = NOW.plusSeconds(600);
        projection.project(snapshot(other, 1, null, List.of(at(waiting(first, "GEN-002", 1, 0, 0), moved)), List.of(), List.of()));

        // When the old doctor's snapshot from before the move is projected only now
        boolean applied = projection.project(snapshot(doctorId, 7, null,
                List.of(waiting(second, "GEN-001", 1, 0, 0), at(waiting(first, "GEN-002", 2, 15, 20), NOW)), List.of(), List.of()));

        // Then the old doctor's line is written, but the token's details stay the new doctor's
        assertThat(applied).isTrue();
        assertThat(redis.zrange(key("queue:doctor:%s:active", doctorId), 0, -1)).containsExactly(second.toString(), first.toString());
        assertThat(redis.hgetAll(key("token:%s:details", first)))
                .containsEntry("doctorId", other.toString()).containsEntry("position", "1").containsEntry("version", "1");
    }

    private static QueuedToken at(QueuedToken token, Instant lastEventAt) {
        return new QueuedToken(token.tokenId(), token.tokenNumber(), token.status(), token.priority(), token.position(),
                token.etaMinutesP50(), token.etaMinutesP90(), token.checkInTime(), token.calledTime(),
                token.consultationStartTime(), lastEventAt);
    }

    @Test
    void anOlderSnapshotNeverOverwritesANewerOne() {
        // Given version 5: first waits alone, the doctor is busy
        projection.project(snapshot(doctorId, 5, inCabinToken(), List.of(waiting(first, "GEN-002", 1, 6, 11)), List.of(), List.of()));

        // When version 4 (and a replay of 5) arrives late
        boolean older = projection.project(snapshot(doctorId, 4, null,
                List.of(waiting(second, "GEN-003", 1, 0, 0), waiting(first, "GEN-002", 2, 15, 20)), List.of(), List.of()));
        boolean replay = projection.project(snapshot(doctorId, 5, null, List.of(), List.of(), List.of()));

        // Then Redis still shows version 5
        assertThat(older).isFalse();
        assertThat(replay).isFalse();
        assertThat(redis.get(key("queue:doctor:%s:version", doctorId))).isEqualTo("5");
        assertThat(redis.zrange(key("queue:doctor:%s:active", doctorId), 0, -1)).containsExactly(first.toString());
        assertThat(redis.hget(key("token:%s:details", first), "position")).isEqualTo("1");
        assertThat(redis.exists(key("token:%s:details", second))).isFalse();
        assertThat(redis.get(key("doctor:%s:current", doctorId))).isEqualTo(inCabin.toString());
        assertThat(redis.get(key("dept:%s:queue_count", deptId))).isEqualTo("1");
    }

    @Test
    void announcesEachAppliedSnapshotOnceAndNoStaleOne() throws Exception {
        // Given a subscriber to the live changes, as the orchestrator subscribes
        BlockingQueue<LiveQueueChange> announced = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                LiveQueueChange change = read(message);
                if (change.doctorId().equals(doctorId)) {
                    announced.add(change);
                }
            }
        };
        try (JedisPooled subscriber = new JedisPooled("127.0.0.1", 6379)) {
            Thread thread = new Thread(() -> subscriber.subscribe(listener, LiveStateKeys.QUEUE_CHANGES_CHANNEL));
            thread.start();
            assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();

            // When versions 1 and 2 are projected, then 1 again (a replay)
            projection.project(snapshot(doctorId, 1, null, List.of(waiting(first, "GEN-002", 1, 6, 11)), List.of(), List.of()));
            projection.project(snapshot(doctorId, 2, null, List.of(), List.of(), List.of()));
            projection.project(snapshot(doctorId, 1, null, List.of(waiting(first, "GEN-002", 1, 6, 11)), List.of(), List.of()));
            projection.project(snapshot(doctorId, 3, null, List.of(), List.of(), List.of()));

            // Then versions 1, 2 and 3 were announced, in order, with the doctor's department
            List<LiveQueueChange> changes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                changes.add(announced.poll(5, TimeUnit.SECONDS));
            }
            assertThat(changes).extracting(LiveQueueChange::version).containsExactly(1L, 2L, 3L);
            assertThat(changes).extracting(LiveQueueChange::deptId).containsOnly(deptId);
            assertThat(announced.poll(200, TimeUnit.MILLISECONDS)).isNull();
            listener.unsubscribe();
            thread.join(5000);
        }
    }

    private static LiveQueueChange read(String message) {
        try {
            return JsonSerde.MAPPER.readValue(message, LiveQueueChange.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not a LiveQueueChange: " + message, e);
        }
    }

    @Test
    void theDepartmentCountAddsUpTheLinesOfAllItsDoctors() {
        UUID otherDoctor = UUID.randomUUID();
        UUID otherToken = UUID.randomUUID();

        projection.project(snapshot(doctorId, 1, null,
                List.of(waiting(first, "GEN-002", 1, 0, 0), waiting(second, "GEN-003", 2, 15, 20)), List.of(), List.of()));
        projection.project(snapshot(otherDoctor, 1, null, List.of(waiting(otherToken, "GEN-004", 1, 0, 0)), List.of(), List.of()));
        assertThat(redis.get(key("dept:%s:queue_count", deptId))).isEqualTo("3");

        // When one doctor's line shrinks, the other's tokens still count
        projection.project(snapshot(doctorId, 2, null, List.of(waiting(second, "GEN-003", 1, 0, 0)), List.of(),
                List.of(departed(first, "GEN-002", TokenStatus.CANCELLED))));

        assertThat(redis.get(key("dept:%s:queue_count", deptId))).isEqualTo("2");
    }

    private QueueSnapshot snapshot(UUID doctor, long version, QueuedToken current, List<QueuedToken> waiting,
            List<QueuedToken> bookedTokens, List<QueuedToken> departed) {
        keysToDelete.addAll(List.of(key("queue:doctor:%s:active", doctor), key("queue:doctor:%s:version", doctor),
                key("doctor:%s:current", doctor), key("doctor:%s:status", doctor),
                key("dept:%s:queue_count", deptId), key("dept:%s:in_line_by_doctor", deptId)));
        for (UUID token : List.of(first, second, inCabin, booked)) {
            keysToDelete.add(key("token:%s:details", token));
        }
        waiting.forEach(token -> keysToDelete.add(key("token:%s:details", token.tokenId())));
        return new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, doctor, deptId, UUID.randomUUID(), version, NOW,
                current == null ? DoctorStatus.AVAILABLE : DoctorStatus.BUSY, current, waiting, bookedTokens, departed);
    }

    private static QueuedToken waiting(UUID tokenId, String number, int position, int p50, int p90) {
        return new QueuedToken(tokenId, number, TokenStatus.WAITING, 1, position, p50, p90, NOW, null, null);
    }

    private QueuedToken inCabinToken() {
        return new QueuedToken(inCabin, "GEN-001", TokenStatus.IN_CONSULTATION, 1, null, null, null, NOW, NOW, NOW);
    }

    private QueuedToken bookedToken() {
        return new QueuedToken(booked, "GEN-009", TokenStatus.BOOKED, 1, null, null, null, null, null, null);
    }

    private static QueuedToken departed(UUID tokenId, String number, TokenStatus status) {
        return new QueuedToken(tokenId, number, status, 1, null, null, null, NOW, null, null);
    }

    private static String key(String pattern, UUID id) {
        return pattern.formatted(id);
    }
}
