package org.opd.deploy.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run measured: every answer of the API (accepted, refused by status, or none) with its
 * latency, and the sampled lags from an answer to Redis and to the notification log, in total
 * and per second of the run (the second the answer arrived in).
 */
final class RunStats {

    private final long startedAt;
    private final LatencyHistogram http = new LatencyHistogram(3);
    private final LatencyHistogram redis = new LatencyHistogram(3);
    private final LatencyHistogram notification = new LatencyHistogram(3);
    private final Map<MoveKind, LongAdder> acceptedByKind = new EnumMap<>(MoveKind.class);
    private final Map<Integer, LongAdder> refusedByStatus = new ConcurrentHashMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final ConcurrentSkipListMap<Long, Second> seconds = new ConcurrentSkipListMap<>();

    RunStats(long startedAt) {
        this.startedAt = startedAt;
        for (MoveKind kind : MoveKind.values()) {
            acceptedByKind.put(kind, new LongAdder());
        }
    }

    /** One second of the run. */
    static final class Second {
        final LongAdder accepted = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LatencyHistogram http = new LatencyHistogram(2);
        final LatencyHistogram redis = new LatencyHistogram(2);
        final LatencyHistogram notification = new LatencyHistogram(2);
    }

    void answered(MoveKind kind, ApiClient.Answer answer) {
        Second second = second(answer.answeredAt());
        if (answer.accepted()) {
            acceptedByKind.get(kind).increment();
            second.accepted.increment();
            http.record(answer.latencyNanos());
            second.http.record(answer.latencyNanos());
        } else {
            refusedByStatus.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            second.refused.increment();
        }
    }

    void unanswered() {
        unanswered.increment();
    }

    void redisLag(long answeredAt, long seenAt) {
        redis.record(seenAt - answeredAt);
        second(answeredAt).redis.record(seenAt - answeredAt);
    }

    void notificationLag(long answeredAt, long seenAt) {
        notification.record(seenAt - answeredAt);
        second(answeredAt).notification.record(seenAt - answeredAt);
    }

    long accepted() {
        return acceptedByKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long refused() {
        return refusedByStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long unansweredCount() {
        return unanswered.sum();
    }

    Map<MoveKind, Long> acceptedByKind() {
        Map<MoveKind, Long> counts = new EnumMap<>(MoveKind.class);
        acceptedByKind.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    Map<Integer, Long> refusedByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        refusedByStatus.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    LatencyHistogram http() {
        return http;
    }

    LatencyHistogram redis() {
        return redis;
    }

    LatencyHistogram notification() {
        return notification;
    }

    /** Second of the run → what happened in it. */
    NavigableMap<Long, Second> seconds() {
        return seconds;
    }

    private Second second(long nanoTime) {
        return seconds.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(nanoTime - startedAt), s -> new Second());
    }
}
