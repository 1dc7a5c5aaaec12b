package org.opd.deploy.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.opd.schemas.token.TokenStatus;

import redis.clients.jedis.JedisPool;

/**
 * One run: the clients move the clinic's lanes at the pace asked for, every answer is counted,
 * sampled moves are followed into Redis and the notification log; after the load the pipeline
 * gets until the drain timeout to catch up, then the check compares the stores.
 */
final class LoadRun {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final LoadOptions options;
    private final SimulatedClinic clinic;
    private final MoveRequests requests;
    private final Connection database;
    private final JedisPool redis;
    private final Consumer<String> out;
    private final Ledger ledger = new Ledger();
    private final AtomicLong unansweredIssues = new AtomicLong();
    private final AtomicInteger moves = new AtomicInteger();
    private final AtomicInteger issues = new AtomicInteger();

    LoadRun(LoadOptions options, SimulatedClinic clinic, MoveRequests requests, Connection database, JedisPool redis,
            Consumer<String> out) {
        this.options = options;
        this.clinic = clinic;
        this.requests = requests;
        this.database = database;
        this.redis = redis;
        this.out = out;
    }

    RunReport run() throws SQLException, InterruptedException {
        long startedAt = System.nanoTime();
        long endsAt = startedAt + options.duration().toNanos();
        RunStats stats = new RunStats(startedAt);
        BlockingQueue<DoctorLane> idle = new LinkedBlockingQueue<>(clinic.lanes());
        AtomicInteger lanesLeft = new AtomicInteger(clinic.lanes().size());
        Pacer pacer = new Pacer(options.rate(), startedAt, endsAt);
        try (LagSampler sampler = new LagSampler(redis, database, stats)) {
            CountDownLatch clientsDone = new CountDownLatch(options.clients());
            for (int i = 0; i < options.clients(); i++) {
                Random random = new Random(i);
                new Thread(() -> {
                    try {
                        drive(pacer, idle, lanesLeft, stats, sampler, random);
                    } finally {
                        clientsDone.countDown();
                    }
                }, "load-client-" + i).start();
            }
            Progress progress = new Progress(stats, sampler, startedAt, out);
            while (!clientsDone.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.print();
            }
            progress.print();
            long loadEndedAt = System.nanoTime();
            if (lanesLeft.get() == 0) {
                out.accept("every doctor's shift is full: the load ended early (more --doctors for longer runs)");
            }
            if (sampler.failure() != null) {
                throw sampler.failure();
            }
            InvariantCheck check = new InvariantCheck(database, redis);
            InvariantCheck.Result result = check.check(ledger, clinic, unansweredIssues.get());
            long drainDeadline = loadEndedAt + options.drainTimeout().toNanos();
            while ((!result.caughtUp() || sampler.pending() > 0) && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(CHECK_EVERY.toMillis());
                result = check.check(ledger, clinic, unansweredIssues.get());
            }
            long drainedAt = System.nanoTime();
            return new RunReport(options, clinic.lanes().size(), Duration.ofNanos(loadEndedAt - startedAt),
                    result.caughtUp() && sampler.pending() == 0 ? Duration.ofNanos(drainedAt - loadEndedAt) : null,
                    stats, sampler.pending(), ledger.size(), result);
        }
    }

    private void drive(Pacer pacer, BlockingQueue<DoctorLane> idle, AtomicInteger lanesLeft, RunStats stats, LagSampler sampler,
                       Random random) {
        try {
            while (lanesLeft.get() > 0 && pacer.awaitNext()) {
                DoctorLane lane = idle.poll(100, TimeUnit.MILLISECONDS);
                if (lane == null) {
                    continue;
                }
                Move move = lane.next(random);
                if (move == null) {
                    lanesLeft.decrementAndGet();
                    continue;
                }
                make(move, stats, sampler, random);
                idle.put(lane);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void make(Move move, RunStats stats, LagSampler sampler, Random random) {
        ApiClient.Answer answer;
        try {
            answer = requests.send(move, random);
        } catch (RuntimeException e) {
            // No answer: the move may or may not have been stored.
            stats.unanswered();
            if (move.visit() != null && move.visit().tokenId() != null) {
                ledger.uncertain(move.visit().tokenId());
            } else if (move.kind() == MoveKind.ISSUE) {
                unansweredIssues.incrementAndGet();
            }
            move.lane().answered(move, false, null, false);
            return;
        }
        stats.answered(move.kind(), answer);
        UUID tokenId = answer.accepted() ? UUID.fromString(answer.body().get("tokenId").asText()) : null;
        move.lane().answered(move, answer.accepted(), tokenId, shiftLimit(answer));
        if (!answer.accepted()) {
            return;
        }
        TokenStatus status = TokenStatus.valueOf(answer.body().get("status").asText());
        ledger.accepted(tokenId, move.lane().doctorId(), status);
        int n = moves.incrementAndGet();
        if (move.kind().visibleInStatus() && n % options.sampleEvery() == 0) {
            sampler.expectInRedis(tokenId, status, answer.answeredAt());
        }
        if (move.kind() == MoveKind.ISSUE && issues.incrementAndGet() % options.sampleEvery() == 0) {
            sampler.expectInLog(tokenId, answer.answeredAt());
        }
    }

    /** A refused issue because the doctor's shift (or the department's day) takes no more tokens. */
    private static boolean shiftLimit(ApiClient.Answer answer) {
        return answer.body().path("type").asText("").endsWith("token-limit-reached");
    }
}
