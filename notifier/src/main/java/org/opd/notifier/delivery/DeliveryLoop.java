package org.opd.notifier.delivery;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opd.notifier.LogSafe;
import org.opd.notifier.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands due rows to the dispatcher: on every wake-up (a new row, a finished attempt) and every
 * {@code poll-interval} (retries and postponed rows coming due). One poller thread claims only as
 * many rows as there are free workers, so a claimed row is always being sent, never queued behind
 * others with its attempt marker set.
 *
 * <p>Before the first claim, and on every periodic poll (not on each wake-up), rows left mid-send by a
 * notifier that stopped are reconciled (see {@link NotificationLog#reconcileInFlight}). Rows of a
 * channel whose circuit is open stay untouched until it lets messages go again. On stop, no new rows
 * are claimed and attempts in flight may finish.
 */
final class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final NotificationLog notificationLog;
    private final DeliveryDispatcher dispatcher;
    private final NotifierProperties.Delivery settings;
    private final Semaphore freeWorkers;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    DeliveryLoop(NotificationLog notificationLog, DeliveryDispatcher dispatcher, NotifierProperties.Delivery settings) {
        this.notificationLog = notificationLog;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.freeWorkers = new Semaphore(settings.workers());
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "delivery-poller"));
        workers = Executors.newFixedThreadPool(settings.workers(), runnable -> new Thread(runnable, "delivery-worker"));
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due rows now rather than at the next poll. */
    void wakeUp() {
        if (!running) {
            return;
        }
        try {
            poller.execute(this::claim);
        } catch (RejectedExecutionException stopping) {
            log.debug("Delivery loop stopping; row left for the next start");
        }
    }

    /** The periodic round: reconciliation, then a claim. */
    private void poll() {
        try {
            int reconciled = notificationLog.reconcileInFlight(settings.inFlightTimeout());
            if (reconciled > 0) {
                log.warn("{} message(s) left mid-send (notifier stopped, or outcome not recorded) marked FAILED,"
                        + " outcome unknown; not re-sent", reconciled);
            }
        } catch (RuntimeException e) {
            log.error("Cannot reconcile notifications_log: {}", LogSafe.failure(e));
        }
        claim();
    }

    /** Claims as many due rows as there are free workers, of the channels whose circuit lets messages go. */
    private void claim() {
        try {
            int free = freeWorkers.availablePermits();
            if (free == 0 || !running) {
                return;
            }
            List<ClaimedNotification> due = notificationLog.claimDue(free, dispatcher.channelsHeldBack());
            for (ClaimedNotification row : due) {
                freeWorkers.acquireUninterruptibly();
                workers.execute(() -> attempt(row));
            }
        } catch (RuntimeException e) {
            // The next poll tries again; an exception escaping would cancel the schedule for good.
            log.error("Cannot poll notifications_log for due messages: {}", LogSafe.failure(e));
        }
    }

    private void attempt(ClaimedNotification row) {
        try {
            dispatcher.attempt(row);
        } catch (RuntimeException e) {
            // Most likely the database: the row keeps its attempt marker and is reconciled later.
            log.error("Attempt at {} ended without a recorded outcome: {}", row, LogSafe.failure(e));
        } finally {
            freeWorkers.release();
            wakeUp();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.inFlightTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Messages still in flight at shutdown; they are reconciled on the next start");
            }
            poller.awaitTermination(settings.inFlightTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
