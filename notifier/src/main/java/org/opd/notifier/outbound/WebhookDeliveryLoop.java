package org.opd.notifier.outbound;

import java.time.Duration;
import java.util.Optional;

import org.opd.notifier.delivery.ClaimLoop;
import org.opd.notifier.delivery.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * Sends due webhook deliveries through a {@link ClaimLoop}, as the patients' messages are sent: on every
 * wake-up (a new delivery, a finished attempt) and every {@code poll-interval} (retries coming due), as many
 * as there are free workers. A failed attempt is retried with the {@link RetryPolicy}'s back-off until
 * {@code max-attempts}, then the delivery is FAILED and waits for an administrator's replay. A delivery left
 * in flight by a notifier that stopped is claimed again after the in-flight timeout ({@link WebhookDeliveries#claimDue}).
 */
final class WebhookDeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryLoop.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final WebhookMetrics metrics;
    private final ClaimLoop<ClaimedDelivery> loop;

    WebhookDeliveryLoop(WebhookDeliveries deliveries, WebhookSender sender, RetryPolicy retries, WebhookMetrics metrics,
                        OutboundWebhookProperties settings) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.retries = retries;
        this.metrics = metrics;
        this.loop = new ClaimLoop<>("webhook", settings.workers(), settings.pollInterval(), settings.inFlightTimeout(),
                () -> { }, free -> deliveries.claimDue(free, settings.inFlightTimeout()), this::attempt);
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wakeUp() {
        loop.wakeUp();
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
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
