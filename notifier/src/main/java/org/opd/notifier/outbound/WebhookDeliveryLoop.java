package org.opd.notifier.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opd.notifier.LogSafe;
import org.opd.notifier.delivery.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * Sends due webhook deliveries, as the notifier's message loop sends messages: one poller claims only as many
 * deliveries as there are free workers, on every wake-up (a new delivery, a finished attempt) and every
 * {@code poll-interval} (retries coming due). A failed attempt is retried with the {@link RetryPolicy}'s
 * back-off until {@code max-attempts}, then the delivery is FAILED and waits for an administrator's replay.
 */
final class WebhookDeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryLoop.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final WebhookMetrics metrics;
    private final OutboundWebhookProperties settings;
    private final Semaphore freeWorkers;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    WebhookDeliveryLoop(WebhookDeliveries deliveries, WebhookSender sender, RetryPolicy retries, WebhookMetrics metrics,
                        OutboundWebhookProperties settings) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.retries = retries;
        this.metrics = metrics;
        this.settings = settings;
        this.freeWorkers = new Semaphore(settings.workers());
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "webhook-poller"));
        workers = Executors.newFixedThreadPool(settings.workers(), runnable -> new Thread(runnable, "webhook-worker"));
        running = true;
        poller.scheduleWithFixedDelay(this::claim, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wakeUp() {
        if (!running) {
            return;
        }
        try {
            poller.execute(this::claim);
        } catch (RejectedExecutionException stopping) {
            log.debug("Webhook loop stopping; delivery left for the next start");
        }
    }

    private void claim() {
        try {
            int free = freeWorkers.availablePermits();
            if (free == 0 || !running) {
                return;
            }
            for (ClaimedDelivery delivery : deliveries.claimDue(free, settings.inFlightTimeout())) {
                freeWorkers.acquireUninterruptibly();
                workers.execute(() -> attempt(delivery));
            }
        } catch (RuntimeException e) {
            // The next poll tries again; an exception escaping would cancel the schedule for good.
            log.error("Cannot poll webhook_deliveries for due deliveries: {}", LogSafe.failure(e));
        }
    }

    private void attempt(ClaimedDelivery delivery) {
        try (var eventId = MDC.putCloseable("eventId", delivery.eventId().toString());
             var deliveryId = MDC.putCloseable("deliveryId", delivery.deliveryId().toString())) {
            if (!delivery.subscriptionActive()) {
                deliveries.markNotSent(delivery, "Subscription deactivated before the delivery went out");
                metrics.skipped();
                log.info("Webhook delivery {} not sent: subscription {} is inactive", delivery.deliveryId(),
                        delivery.subscriptionId());
                return;
            }
            AttemptOutcome outcome = sender.send(delivery);
            if (outcome.delivered()) {
                deliveries.markDelivered(delivery, outcome);
                metrics.attempted("delivered", outcome.took());
                log.info("Webhook {} delivered to subscription {} on attempt {} (HTTP {}, {} ms)", delivery.eventType(),
                        delivery.subscriptionId(), delivery.attempt(), outcome.statusCode(), outcome.took().toMillis());
                return;
            }
            Optional<Duration> delay = retries.nextDelay(delivery.attempt(), Optional.empty());
            if (delay.isPresent()) {
                deliveries.scheduleRetry(delivery, outcome, delay.get());
                metrics.attempted("retried", outcome.took());
                log.info("Webhook attempt {} to subscription {} failed ({}); again in {} ms", delivery.attempt(),
                        delivery.subscriptionId(), outcome.error(), delay.get().toMillis());
            } else {
                deliveries.markFailed(delivery, outcome);
                metrics.attempted("failed", outcome.took());
                log.warn("Webhook delivery {} to subscription {} FAILED after {} attempts ({}); an administrator may replay it",
                        delivery.deliveryId(), delivery.subscriptionId(), delivery.attempt(), outcome.error());
            }
        } catch (RuntimeException e) {
            // Most likely the database: the delivery stays claimed and is due again after the in-flight timeout.
            log.error("Webhook attempt {} ended without a recorded outcome: {}", delivery, LogSafe.failure(e));
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
                log.warn("Webhook deliveries still in flight at shutdown; they are sent again after the in-flight timeout");
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
