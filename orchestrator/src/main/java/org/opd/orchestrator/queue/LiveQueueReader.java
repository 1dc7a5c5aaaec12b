package org.opd.orchestrator.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.error.UnavailableException;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.schemas.queue.DoctorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads the live queue projection that the eta-calculator keeps in Redis (the key layout of the
 * shared contract). Redis is a projection: an absent key means "nothing projected", never an error.
 */
@Component
public class LiveQueueReader {

    private static final Logger log = LoggerFactory.getLogger(LiveQueueReader.class);

    private final JedisPooled jedis;
    private final String readDoctorQueue;

    LiveQueueReader(JedisPooled jedis) {
        this.jedis = jedis;
        this.readDoctorQueue = script("queue/read-doctor-queue.lua");
    }

    public DoctorQueueView doctorQueue(UUID doctorId) {
        Object reply;
        try {
            reply = jedis.eval(readDoctorQueue,
                    List.of(LiveStateKeys.doctorStatus(doctorId), LiveStateKeys.doctorCurrentToken(doctorId),
                            LiveStateKeys.doctorQueue(doctorId), LiveStateKeys.doctorQueueVersion(doctorId)),
                    List.of(LiveStateKeys.TOKEN_DETAILS_PREFIX, LiveStateKeys.TOKEN_DETAILS_SUFFIX,
                            TokenDetailsField.TOKEN_NUMBER.field(), TokenDetailsField.PRIORITY.field(),
                            TokenDetailsField.ETA_MINUTES_P50.field(), TokenDetailsField.ETA_MINUTES_P90.field()));
        } catch (JedisException e) {
            throw new UnavailableException("live-queue-unavailable", "Live queue unavailable",
                    "The live queue of doctor " + doctorId + " cannot be read right now", e);
        }
        List<?> parts = (List<?>) reply;
        String status = (String) parts.get(0);
        String current = (String) parts.get(1);
        List<?> currentDetails = (List<?>) parts.get(2);
        List<DoctorQueueView.WaitingToken> waiting = new ArrayList<>();
        for (Object entry : (List<?>) parts.get(3)) {
            List<?> w = (List<?>) entry;
            waiting.add(new DoctorQueueView.WaitingToken(UUID.fromString((String) w.get(0)), (String) w.get(2),
                    (int) Double.parseDouble((String) w.get(1)), integer(w.get(3)), integer(w.get(4)), integer(w.get(5))));
        }
        return new DoctorQueueView(doctorId, Long.parseLong((String) parts.get(4)),
                status.isEmpty() ? DoctorStatus.OFFLINE : DoctorStatus.valueOf(status),
                current.isEmpty() ? null : new DoctorQueueView.CurrentToken(UUID.fromString(current),
                        currentDetails.isEmpty() ? null : (String) currentDetails.get(0),
                        currentDetails.isEmpty() ? null : integer(currentDetails.get(1))),
                waiting);
    }

    /** How many wait in the department ({@link LiveStateKeys#departmentQueueCount}); null when not projected or Redis does not answer. */
    public Integer departmentWaitingCount(UUID deptId) {
        try {
            return integer(jedis.get(LiveStateKeys.departmentQueueCount(deptId)));
        } catch (JedisException e) {
            // The doctors' queues are the answer; the department's count is a summary it can do without.
            log.warn("Queue count of department {} unavailable: {}", deptId, e.toString());
            return null;
        }
    }

    /** The token's position and ETA; {@link LivePosition#UNKNOWN} when Redis has none or does not answer. */
    public LivePosition position(UUID tokenId) {
        try {
            List<String> values = jedis.hmget(LiveStateKeys.tokenDetails(tokenId),
                    TokenDetailsField.names(TokenDetailsField.IN_LINE_ONLY));
            return new LivePosition(integer(values.get(0)), integer(values.get(1)), integer(values.get(2)));
        } catch (JedisException e) {
            // The token itself comes from PostgreSQL; its live position is a bonus the answer can do without.
            log.warn("Live position of token {} unavailable: {}", tokenId, e.toString());
            return LivePosition.UNKNOWN;
        }
    }

    private static Integer integer(Object value) {
        return value == null ? null : Integer.valueOf(value.toString());
    }

    private static String script(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Missing script " + path, e);
        }
    }
}
