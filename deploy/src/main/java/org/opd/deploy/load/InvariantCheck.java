package org.opd.deploy.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.schemas.token.TokenStatus;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The end-of-run check of the load generator, and the operator's check of a running system
 * ({@link #checkLive}, {@link LiveCheckCommand}). The end-of-run check: what the API accepted (the {@link Ledger}) against what PostgreSQL,
 * Redis and the notification log hold, for every token of the run. The properties are the
 * black-box ones the system promises under any load:
 * <ul>
 *   <li>{@code history}: exactly one {@code token_history} row per accepted move, in the order of
 *       the moves, each row starting from the status the previous one left;</li>
 *   <li>{@code redis-status}: each token's status in Redis is PostgreSQL's (a stale or replayed
 *       snapshot that overwrote a newer one would show here);</li>
 *   <li>{@code redis-queues}: each doctor's line in Redis holds exactly the tokens in line in PostgreSQL;</li>
 *   <li>{@code redis-versions}: no token's details carry a newer snapshot version than its doctor's
 *       queue (each write is a whole, versioned snapshot);</li>
 *   <li>{@code notification-once}: at most one notification row per token, event and channel;</li>
 *   <li>{@code notification-created}: every issued token has its "token created" row (nothing lost);</li>
 *   <li>{@code no-unknown-tokens}: PostgreSQL holds no token of the run that the API did not answer for,
 *       beyond the issues whose answer never came.</li>
 * </ul>
 */
final class InvariantCheck {

    /** What the pipeline still has to catch up with; {@link #passed()} when it has. */
    static final Set<String> EVENTUAL = Set.of("redis-status", "redis-queues", "notification-created");

    private static final int CHUNK = 5_000;
    private static final int EXAMPLES = 5;

    /** One property: how many items it looked at, and the ones that broke it (a few shown). */
    record Finding(String property, long checked, long violations, List<String> examples) {
        boolean holds() {
            return violations == 0;
        }
    }

    record Result(List<Finding> findings, int uncertainTokens) {
        boolean passed() {
            return findings.stream().allMatch(Finding::holds);
        }

        boolean caughtUp() {
            return findings.stream().filter(f -> EVENTUAL.contains(f.property())).allMatch(Finding::holds);
        }
    }

    private final Connection database;
    private final JedisPool redis;

    InvariantCheck(Connection database, JedisPool redis) {
        this.database = database;
        this.redis = redis;
    }

    Result check(Ledger ledger, SimulatedClinic clinic, long unansweredIssues) throws SQLException {
        Map<UUID, Ledger.Entry> tokens = ledger.certain();
        Map<UUID, TokenStatus> stored = storedStatuses(tokens.keySet());
        Map<UUID, UUID> doctorOf = new HashMap<>();
        tokens.forEach((tokenId, entry) -> doctorOf.put(tokenId, entry.doctorId()));
        Set<UUID> doctors = new HashSet<>();
        clinic.lanes().forEach(lane -> doctors.add(lane.doctorId()));
        List<Finding> findings = new ArrayList<>();
        findings.add(history(tokens));
        findings.add(redisStatus(stored, false));
        findings.add(redisQueues(doctors, stored));
        findings.add(redisVersions(doctorOf));
        findings.add(notificationOnce(tokens.keySet()));
        findings.add(notificationCreated(tokens.keySet()));
        findings.add(unknownTokens(clinic, ledger, unansweredIssues));
        return new Result(List.copyOf(findings), ledger.uncertainCount());
    }

    /**
     * The properties that need no record of what the API answered, for the tokens changed since
     * {@code since} on a running system: each token's history a chain ending in its status, Redis agreeing
     * with PostgreSQL (a finished token's details may have expired), versions, one message per token, event
     * and channel.
     */
    Result checkLive(Instant since) throws SQLException {
        Map<UUID, TokenStatus> stored = new HashMap<>();
        Map<UUID, UUID> doctorOf = new HashMap<>();
        try (PreparedStatement query = database.prepareStatement(
                "SELECT token_id, doctor_id, status FROM tokens WHERE updated_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID tokenId = rs.getObject(1, UUID.class);
                    doctorOf.put(tokenId, rs.getObject(2, UUID.class));
                    stored.put(tokenId, TokenStatus.valueOf(rs.getString(3)));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(historyChain(stored));
        findings.add(redisStatus(stored, true));
        findings.add(redisQueues(new HashSet<>(doctorOf.values()), stored));
        findings.add(redisVersions(doctorOf));
        findings.add(notificationOnce(stored.keySet()));
        return new Result(List.copyOf(findings), 0);
    }

    private Finding history(Map<UUID, Ledger.Entry> tokens) throws SQLException {
        Map<UUID, List<String[]>> rows = historyRows(tokens.keySet());
        Violations violations = new Violations("history", tokens.size());
        tokens.forEach((tokenId, entry) -> {
            List<String[]> history = rows.getOrDefault(tokenId, List.of());
            List<String> expected = entry.statuses().stream().map(Enum::name).toList();
            List<String> written = history.stream().map(row -> row[1]).toList();
            if (!expected.equals(written)) {
                violations.add(tokenId + ": accepted " + expected + ", history " + written);
                return;
            }
            String before = null;
            for (String[] row : history) {
                if (!Objects.equals(before, row[0])) {
                    violations.add(tokenId + ": a row from " + row[0] + " follows one that left " + before);
                    return;
                }
                before = row[1];
            }
        });
        return violations.finding();
    }

    private Finding historyChain(Map<UUID, TokenStatus> stored) throws SQLException {
        Map<UUID, List<String[]>> rows = historyRows(stored.keySet());
        Violations violations = new Violations("history", stored.size());
        stored.forEach((tokenId, status) -> {
            String before = null;
            for (String[] row : rows.getOrDefault(tokenId, List.of())) {
                if (!Objects.equals(before, row[0])) {
                    violations.add(tokenId + ": a row from " + row[0] + " follows one that left " + before);
                    return;
                }
                before = row[1];
            }
            if (!status.name().equals(before)) {
                violations.add(tokenId + ": status " + status + ", history ends at " + before);
            }
        });
        return violations.finding();
    }

    private Map<UUID, List<String[]>> historyRows(Set<UUID> tokenIds) throws SQLException {
        Map<UUID, List<String[]>> rows = new HashMap<>();
        query("SELECT token_id, previous_status, new_status FROM token_history WHERE token_id = ANY (?) ORDER BY history_id",
                tokenIds, rs -> rows.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new String[] {rs.getString(2), rs.getString(3)}));
        return rows;
    }

    /** @param expiredMayBeMissing a finished token's details expire (a day after by default): missing is fine then */
    private Finding redisStatus(Map<UUID, TokenStatus> stored, boolean expiredMayBeMissing) {
        List<UUID> ids = new ArrayList<>(stored.keySet());
        List<String> shown = hget(ids, TokenDetailsField.STATUS);
        Violations violations = new Violations("redis-status", ids.size());
        for (int i = 0; i < ids.size(); i++) {
            TokenStatus status = stored.get(ids.get(i));
            String expected = status.name();
            if (expiredMayBeMissing && shown.get(i) == null && status.isFinal()) {
                continue;
            }
            if (!expected.equals(shown.get(i))) {
                violations.add(ids.get(i) + ": PostgreSQL " + expected + ", Redis " + shown.get(i));
            }
        }
        return violations.finding();
    }

    private Finding redisQueues(Set<UUID> doctors, Map<UUID, TokenStatus> stored) throws SQLException {
        Map<UUID, Set<String>> inLine = new HashMap<>();
        query("SELECT token_id, doctor_id, status FROM tokens WHERE token_id = ANY (?)", stored.keySet(), rs -> {
            if (TokenStatus.valueOf(rs.getString(3)).isInLine()) {
                inLine.computeIfAbsent(rs.getObject(2, UUID.class), d -> new HashSet<>()).add(rs.getString(1));
            }
        });
        Violations violations = new Violations("redis-queues", doctors.size());
        try (Jedis jedis = redis.getResource()) {
            for (UUID doctorId : doctors) {
                Set<String> expected = inLine.getOrDefault(doctorId, Set.of());
                Set<String> shown = new HashSet<>(jedis.zrange(LiveStateKeys.doctorQueue(doctorId), 0, -1));
                if (!expected.equals(shown)) {
                    violations.add("doctor " + doctorId + ": " + expected.size() + " in line in PostgreSQL, "
                            + shown.size() + " in Redis, " + difference(expected, shown) + " differ");
                }
            }
        }
        return violations.finding();
    }

    private Finding redisVersions(Map<UUID, UUID> doctorOf) {
        List<UUID> ids = new ArrayList<>(doctorOf.keySet());
        List<String> versions = hget(ids, TokenDetailsField.VERSION);
        Map<UUID, Long> queueVersions = new HashMap<>();
        try (Jedis jedis = redis.getResource()) {
            for (UUID doctorId : doctorOf.values()) {
                queueVersions.computeIfAbsent(doctorId, d -> parse(jedis.get(LiveStateKeys.doctorQueueVersion(d))));
            }
        }
        Violations violations = new Violations("redis-versions", ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long queue = queueVersions.get(doctorOf.get(ids.get(i)));
            long token = parse(versions.get(i));
            if (token > queue) {
                violations.add(ids.get(i) + ": details of snapshot " + token + ", its doctor's queue at " + queue);
            }
        }
        return violations.finding();
    }

    private Finding notificationOnce(Set<UUID> tokenIds) throws SQLException {
        Violations violations = new Violations("notification-once", tokenIds.size());
        query("SELECT token_id, event_type, channel, count(*) FROM notifications_log WHERE token_id = ANY (?)"
                        + " GROUP BY token_id, event_type, channel HAVING count(*) > 1", tokenIds,
                rs -> violations.add(rs.getString(1) + ": " + rs.getLong(4) + " rows of " + rs.getString(2) + " by " + rs.getString(3)));
        return violations.finding();
    }

    private Finding notificationCreated(Set<UUID> tokenIds) throws SQLException {
        Set<UUID> logged = new HashSet<>();
        query("SELECT token_id FROM notifications_log WHERE token_id = ANY (?) AND event_type = 'TOKEN_CREATED'", tokenIds,
                rs -> logged.add(rs.getObject(1, UUID.class)));
        Violations violations = new Violations("notification-created", tokenIds.size());
        tokenIds.stream().filter(id -> !logged.contains(id)).forEach(id -> violations.add(id + ": no TOKEN_CREATED row"));
        return violations.finding();
    }

    private Finding unknownTokens(SimulatedClinic clinic, Ledger ledger, long unansweredIssues) throws SQLException {
        long[] stored = new long[1];
        try (PreparedStatement query = database.prepareStatement("SELECT count(*) FROM tokens WHERE hospital_id = ANY (?)")) {
            query.setArray(1, database.createArrayOf("uuid", clinic.hospitals().stream().map(SimulatedHospital::hospitalId).toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                stored[0] = rs.getLong(1);
            }
        }
        long unknown = stored[0] - ledger.size();
        Violations violations = new Violations("no-unknown-tokens", stored[0]);
        if (unknown > unansweredIssues || unknown < 0) {
            violations.add(stored[0] + " tokens stored, " + ledger.size() + " answered, " + unansweredIssues + " issues unanswered");
        }
        return violations.finding();
    }

    private Map<UUID, TokenStatus> storedStatuses(Set<UUID> tokenIds) throws SQLException {
        Map<UUID, TokenStatus> statuses = new HashMap<>();
        query("SELECT token_id, status FROM tokens WHERE token_id = ANY (?)", tokenIds,
                rs -> statuses.put(rs.getObject(1, UUID.class), TokenStatus.valueOf(rs.getString(2))));
        return statuses;
    }

    private List<String> hget(List<UUID> tokenIds, TokenDetailsField field) {
        List<String> values = new ArrayList<>(tokenIds.size());
        try (Jedis jedis = redis.getResource()) {
            for (int from = 0; from < tokenIds.size(); from += CHUNK) {
                Pipeline pipeline = jedis.pipelined();
                List<Response<String>> chunk = new ArrayList<>();
                for (UUID id : tokenIds.subList(from, Math.min(tokenIds.size(), from + CHUNK))) {
                    chunk.add(pipeline.hget(LiveStateKeys.tokenDetails(id), field.field()));
                }
                pipeline.sync();
                chunk.forEach(response -> values.add(response.get()));
            }
        }
        return values;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Collection<UUID> ids, RowReader reader) throws SQLException {
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            try (PreparedStatement query = database.prepareStatement(sql)) {
                query.setArray(1, database.createArrayOf("uuid", all.subList(from, Math.min(all.size(), from + CHUNK)).toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static long parse(String version) {
        return version == null ? 0 : Long.parseLong(version);
    }

    private static int difference(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return a.size() + b.size() - 2 * both.size();
    }

    /** Collects a property's violations, keeping the first few as examples. */
    private static final class Violations {
        private final String property;
        private final long checked;
        private final List<String> examples = new ArrayList<>();
        private long count;

        Violations(String property, long checked) {
            this.property = property;
            this.checked = checked;
        }

        void add(String example) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add(example);
            }
        }

        Finding finding() {
            return new Finding(property, checked, count, List.copyOf(examples));
        }
    }
}
