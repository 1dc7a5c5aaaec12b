package org.opd.deploy.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.schemas.token.TokenStatus;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Measures, for sampled moves, how long after the API's answer the change can be seen: in Redis
 * (the token's status in its details hash, what a screen reads) and in the notification log (the
 * "token created" row of an issued token). One thread polls both, Redis every
 * {@link #REDIS_POLL} in one pipeline, PostgreSQL every {@link #LOG_POLL} in one query, so a
 * figure is late by at most one poll interval and the round trip.
 */
final class LagSampler implements AutoCloseable {

    static final Duration REDIS_POLL = Duration.ofMillis(2);
    static final Duration LOG_POLL = Duration.ofMillis(10);
    private static final String CREATED = "TOKEN_CREATED";

    private record Sample(UUID tokenId, TokenStatus status, long answeredAt) {
    }

    private final JedisPool redis;
    private final Connection database;
    private final RunStats stats;
    private final Queue<Sample> newRedis = new ConcurrentLinkedQueue<>();
    private final Queue<Sample> newLog = new ConcurrentLinkedQueue<>();
    private final List<Sample> redisPending = new ArrayList<>();
    private final List<Sample> logPending = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int pending;
    private volatile RuntimeException failure;
    private long lastLogPoll;

    LagSampler(JedisPool redis, Connection database, RunStats stats) {
        this.redis = redis;
        this.database = database;
        this.stats = stats;
        this.thread = new Thread(this::run, "load-lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void expectInRedis(UUID tokenId, TokenStatus status, long answeredAt) {
        newRedis.add(new Sample(tokenId, status, answeredAt));
    }

    void expectInLog(UUID tokenId, long answeredAt) {
        newLog.add(new Sample(tokenId, TokenStatus.BOOKED, answeredAt));
    }

    /** Samples not yet seen. */
    int pending() {
        return pending + newRedis.size() + newLog.size();
    }

    /** Whether the sampler stopped on an error (the run cannot measure then). */
    RuntimeException failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                drain(newRedis, redisPending);
                drain(newLog, logPending);
                pollRedis();
                if (System.nanoTime() - lastLogPoll >= LOG_POLL.toNanos()) {
                    lastLogPoll = System.nanoTime();
                    pollLog();
                }
                pending = redisPending.size() + logPending.size();
                LockSupport.parkNanos(REDIS_POLL.toNanos());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (SQLException e) {
            failure = new IllegalStateException("Cannot read the notification log", e);
        }
    }

    private static void drain(Queue<Sample> from, List<Sample> to) {
        for (Sample sample = from.poll(); sample != null; sample = from.poll()) {
            to.add(sample);
        }
    }

    private void pollRedis() {
        if (redisPending.isEmpty()) {
            return;
        }
        List<Response<String>> statuses = new ArrayList<>(redisPending.size());
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            for (Sample sample : redisPending) {
                statuses.add(pipeline.hget(LiveStateKeys.tokenDetails(sample.tokenId()), TokenDetailsField.STATUS.field()));
            }
            pipeline.sync();
        }
        long now = System.nanoTime();
        Iterator<Sample> samples = redisPending.iterator();
        for (Response<String> status : statuses) {
            Sample sample = samples.next();
            if (status.get() != null && reached(TokenStatus.valueOf(status.get()), sample.status())) {
                stats.redisLag(sample.answeredAt(), now);
                samples.remove();
            }
        }
    }

    /**
     * Whether a token shown in {@code shown} has had the move to {@code expected}: the lane may
     * already have made the token's next move, so a later status counts as seen too.
     */
    static boolean reached(TokenStatus shown, TokenStatus expected) {
        return progress(shown) >= progress(expected);
    }

    private static int progress(TokenStatus status) {
        return status.isFinal() ? TokenStatus.COMPLETED.ordinal() : status.ordinal();
    }

    private void pollLog() throws SQLException {
        if (logPending.isEmpty()) {
            return;
        }
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement query = database.prepareStatement(
                "SELECT token_id FROM notifications_log WHERE token_id = ANY (?) AND event_type = ?")) {
            Array ids = database.createArrayOf("uuid", logPending.stream().map(Sample::tokenId).toArray());
            query.setArray(1, ids);
            query.setString(2, CREATED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        long now = System.nanoTime();
        logPending.removeIf(sample -> {
            if (found.contains(sample.tokenId())) {
                stats.notificationLag(sample.answeredAt(), now);
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
