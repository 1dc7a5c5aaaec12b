package org.opd.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.opd.notifier.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands claimed rows to a fixed pool of workers: on every wake-up (a new row, a finished attempt) and every
 * {@code pollInterval} (retries and postponed rows coming due). One poller thread claims only as many rows as
 * there are free workers, so a claimed row is always being worked on, never queued behind others with its
 * attempt marker set. The periodic round first runs {@code periodic} (a reconciliation), not each wake-up.
 * On stop, no new rows are claimed and attempts in flight may finish within {@code stopTimeout}.
 * Patients' messages and hospitals' webhooks each run one.
 *
 * @param <T> a claimed row
 */
public final class ClaimLoop<T> {

    private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

    private final String name;
    private final int workerCount;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final Runnable periodic;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> attempt;
    private final Semaphore freeWorkers;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    /**
     * @param name    names the threads ({@code <name>-poller}, {@code <name>-worker}) and the log lines
     * @param claim   claims up to the given number of due rows
     * @param attempt works on one claimed row; what it throws is logged, the row left to its reconciliation
     */
    public ClaimLoop(String name, int workers, Duration pollInterval, Duration stopTimeout, Runnable periodic,
                     IntFunction<List<T>> claim, Consumer<T> attempt) {
        this.name = name;
        this.workerCount = workers;
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
        this.periodic = periodic;
        this.claim = claim;
        this.attempt = attempt;
        this.freeWorkers = new Semaphore(workers);
    }

    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name + "-poller"));
        workers = Executors.newFixedThreadPool(workerCount, runnable -> new Thread(runnable, name + "-worker"));
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due rows now rather than at the next poll. */
    public void wakeUp() {
        if (!running) {
            return;
        }
        try {
            poller.execute(this::claim);
        } catch (RejectedExecutionException stopping) {
            log.debug("{} loop stopping; row left for the next start", name);
        }
    }

    /** The periodic round: the reconciliation, then a claim. */
    private void poll() {
        try {
            periodic.run();
        } catch (RuntimeException e) {
            log.error("{} loop cannot reconcile: {}", name, LogSafe.failure(e));
        }
        claim();
    }

    private void claim() {
        try {
            int free = freeWorkers.availablePermits();
            if (free == 0 || !running) {
                return;
            }
            for (T row : claim.apply(free)) {
                freeWorkers.acquireUninterruptibly();
                workers.execute(() -> attempt(row));
            }
        } catch (RuntimeException e) {
            // The next poll tries again; an exception escaping would cancel the schedule for good.
            log.error("{} loop cannot claim due rows: {}", name, LogSafe.failure(e));
        }
    }

    private void attempt(T row) {
        try {
            attempt.accept(row);
        } catch (RuntimeException e) {
            // Most likely the database: the row keeps its attempt marker and is reconciled later.
            log.error("Attempt at {} ended without a recorded outcome: {}", row, LogSafe.failure(e));
        } finally {
            freeWorkers.release();
            wakeUp();
        }
    }

    public synchronized void stop() {
        running = false;
        poller.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} attempts still in flight at shutdown; they are reconciled on the next start", name);
            }
            poller.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }
}
