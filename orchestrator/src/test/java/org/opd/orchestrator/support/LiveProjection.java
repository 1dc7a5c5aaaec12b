package org.opd.orchestrator.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.live.LiveQueueChange;
import org.opd.schemas.live.LiveStateKeys;

import com.fasterxml.jackson.core.JsonProcessingException;

import redis.clients.jedis.JedisPooled;

/** Writes a doctor's live queue into Redis as the eta-calculator's projection does, and announces it; removes what it wrote on close. */
public final class LiveProjection implements AutoCloseable {

    private final JedisPooled redis;
    private final List<String> keys = new ArrayList<>();

    public LiveProjection(JedisPooled redis) {
        this.redis = redis;
    }

    /** A queue of one waiting token at the version, then its announcement. */
    public void oneToken(UUID doctorId, UUID deptId, long version, UUID tokenId, int position, int p50) {
        String queue = LiveStateKeys.doctorQueue(doctorId);
        String details = LiveStateKeys.tokenDetails(tokenId);
        String versionKey = LiveStateKeys.doctorQueueVersion(doctorId);
        keys.addAll(List.of(queue, details, versionKey));
        redis.zadd(queue, position, tokenId.toString());
        redis.hset(details, Map.of("tokenNumber", "CARD-001", "status", "WAITING", "priority", "1",
                "position", Integer.toString(position), "etaMinutesP50", Integer.toString(p50),
                "etaMinutesP90", Integer.toString(p50 + 5), "version", Long.toString(version)));
        redis.set(versionKey, Long.toString(version));
        announce(doctorId, deptId, version);
    }

    /** The projection's announcement that the doctor's queue changed. */
    public void announce(UUID doctorId, UUID deptId, long version) {
        try {
            redis.publish(LiveStateKeys.QUEUE_CHANGES_CHANNEL, JsonSerde.MAPPER.writeValueAsString(
                    new LiveQueueChange(doctorId, deptId, null, version)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
            keys.clear();
        }
    }
}
