package org.opd.eta.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.live.LiveQueueChange;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;

import com.fasterxml.jackson.core.JsonProcessingException;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes a queue snapshot into the Redis keys screens read, in one atomic, versioned Lua script:
 * a snapshot not newer than the one Redis holds changes nothing. An applied one is announced on
 * {@link LiveStateKeys#QUEUE_CHANGES_CHANNEL} by the same script, for the screens' live streams.
 */
public class RedisQueueProjection {

    private static final String SCRIPT = loadScript("project-snapshot.lua");
    private static final List<String> NOT_IN_LINE_FIELDS = List.of(TokenDetailsField.names(TokenDetailsField.IN_LINE_ONLY));

    private final UnifiedJedis redis;
    private final Duration statusTtl;
    private final Duration departedTokenTtl;

    public RedisQueueProjection(UnifiedJedis redis, Duration statusTtl, Duration departedTokenTtl) {
        this.redis = redis;
        this.statusTtl = statusTtl;
        this.departedTokenTtl = departedTokenTtl;
    }

    /**
     * @return true if Redis now reflects the snapshot, false if it already held this or a newer version
     * @throws IllegalArgumentException if the snapshot lacks its doctor or department
     */
    public boolean project(QueueSnapshot snapshot) {
        return projectAll(List.of(snapshot)).get(0);
    }

    /**
     * Projects the snapshots in order, in one round trip (a pipeline of the script, one run per snapshot).
     *
     * @return per snapshot, whether Redis now reflects it (false: it already held this or a newer version)
     * @throws IllegalArgumentException if a snapshot lacks its doctor or department; then none is sent
     */
    public List<Boolean> projectAll(List<QueueSnapshot> snapshots) {
        List<ScriptCall> calls = snapshots.stream().map(this::call).toList();
        List<Response<Object>> responses = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (ScriptCall call : calls) {
                responses.add(pipeline.eval(SCRIPT, call.keys(), call.args()));
            }
            pipeline.sync();
        }
        return responses.stream().map(response -> Long.valueOf(1).equals(response.get())).toList();
    }

    /** Whether the snapshot has the ids its keys are made of; one without them cannot be projected. */
    public static boolean isProjectable(QueueSnapshot snapshot) {
        return snapshot.doctorId() != null && snapshot.deptId() != null;
    }

    private record ScriptCall(List<String> keys, List<String> args) {
    }

    private ScriptCall call(QueueSnapshot snapshot) {
        if (!isProjectable(snapshot)) {
            throw new IllegalArgumentException("Queue snapshot version " + snapshot.version() + " lacks its doctor or department id");
        }
        String doctorId = snapshot.doctorId().toString();
        String version = Long.toString(snapshot.version());

        List<String> keys = new ArrayList<>(List.of(
                LiveStateKeys.doctorQueueVersion(snapshot.doctorId()),
                LiveStateKeys.doctorQueue(snapshot.doctorId()),
                LiveStateKeys.doctorCurrentToken(snapshot.doctorId()),
                LiveStateKeys.doctorStatus(snapshot.doctorId()),
                LiveStateKeys.departmentQueueCount(snapshot.deptId()),
                LiveStateKeys.departmentInLineByDoctor(snapshot.deptId())));
        List<Object> activeMembers = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (QueuedToken token : snapshot.waiting()) {
            activeMembers.add(List.of(token.tokenId().toString(), token.position().toString()));
            keys.add(detailsKey(token));
            details.add(inLineDetails(token, doctorId, version));
        }
        if (snapshot.current() != null) {
            keys.add(detailsKey(snapshot.current()));
            details.add(outOfLineDetails(snapshot.current(), doctorId, version, Duration.ZERO));
        }
        // A parked token is out of the sorted set of the line: its details lose their position and ETA until recalled.
        for (QueuedToken token : concat(snapshot.booked(), snapshot.parked())) {
            keys.add(detailsKey(token));
            details.add(outOfLineDetails(token, doctorId, version, Duration.ZERO));
        }
        for (QueuedToken token : snapshot.departed()) {
            keys.add(detailsKey(token));
            details.add(outOfLineDetails(token, doctorId, version, departedTokenTtl));
        }

        List<String> args = List.of(
                version,
                doctorId,
                snapshot.doctorStatus().name(),
                Long.toString(statusTtl.toSeconds()),
                snapshot.current() == null ? "" : snapshot.current().tokenId().toString(),
                Integer.toString(snapshot.waiting().size()),
                json(activeMembers),
                json(details),
                LiveStateKeys.QUEUE_CHANGES_CHANNEL,
                json(new LiveQueueChange(snapshot.doctorId(), snapshot.deptId(), snapshot.hospitalId(), snapshot.version())));
        return new ScriptCall(keys, args);
    }

    private static List<QueuedToken> concat(List<QueuedToken> first, List<QueuedToken> second) {
        List<QueuedToken> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static String detailsKey(QueuedToken token) {
        return LiveStateKeys.tokenDetails(token.tokenId());
    }

    private static Map<String, Object> inLineDetails(QueuedToken token, String doctorId, String version) {
        Map<String, String> fields = commonFields(token, doctorId, version);
        fields.put(TokenDetailsField.POSITION.field(), token.position().toString());
        fields.put(TokenDetailsField.ETA_MINUTES_P50.field(), token.etaMinutesP50().toString());
        fields.put(TokenDetailsField.ETA_MINUTES_P90.field(), token.etaMinutesP90().toString());
        return Map.of("set", fields, "del", List.of(), "ttl", 0);
    }

    private static Map<String, Object> outOfLineDetails(QueuedToken token, String doctorId, String version, Duration ttl) {
        return Map.of("set", commonFields(token, doctorId, version), "del", NOT_IN_LINE_FIELDS, "ttl", ttl.toSeconds());
    }

    private static Map<String, String> commonFields(QueuedToken token, String doctorId, String version) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (token.tokenNumber() != null) {
            fields.put(TokenDetailsField.TOKEN_NUMBER.field(), token.tokenNumber());
        }
        fields.put(TokenDetailsField.STATUS.field(), token.status().name());
        fields.put(TokenDetailsField.PRIORITY.field(), Integer.toString(token.priority()));
        fields.put(TokenDetailsField.DOCTOR_ID.field(), doctorId);
        fields.put(TokenDetailsField.VERSION.field(), version);
        if (token.lastEventAt() != null) {
            Instant at = token.lastEventAt();
            fields.put(TokenDetailsField.EVENT_AT.field(), Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000));
        }
        return fields;
    }

    private static String json(Object value) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write projection arguments", e);
        }
    }

    private static String loadScript(String name) {
        try (InputStream in = RedisQueueProjection.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing Lua script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
