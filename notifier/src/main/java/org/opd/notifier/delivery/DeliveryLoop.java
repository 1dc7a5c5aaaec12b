package org.opd.notifier.delivery;

import org.opd.notifier.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands due rows of {@code notifications_log} to the dispatcher through a {@link ClaimLoop}: on every
 * wake-up and every {@code poll-interval}, as many rows as there are free workers.
 *
 * <p>Before the first claim, and on every periodic poll (not on each wake-up), rows left mid-send by a
 * notifier that stopped are reconciled (see {@link NotificationLog#reconcileInFlight}). Rows of a
 * channel whose circuit is open stay untouched until it lets messages go again. On stop, no new rows
 * are claimed and attempts in flight may finish.
 */
final class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final ClaimLoop<ClaimedNotification> loop;

    DeliveryLoop(NotificationLog notificationLog, DeliveryDispatcher dispatcher, NotifierProperties.Delivery settings) {
        this.loop = new ClaimLoop<>("delivery", settings.workers(), settings.pollInterval(), settings.inFlightTimeout(),
                () -> {
                    int reconciled = notificationLog.reconcileInFlight(settings.inFlightTimeout());
                    if (reconciled > 0) {
                        log.warn("{} message(s) left mid-send (notifier stopped, or outcome not recorded) marked FAILED,"
                                + " outcome unknown; not re-sent", reconciled);
                    }
                },
                free -> notificationLog.claimDue(free, dispatcher.channelsHeldBack()),
                dispatcher::attempt);
    }

    @Override
    public void start() {
        loop.start();
    }

    /** Looks for due rows now rather than at the next poll. */
    void wakeUp() {
        loop.wakeUp();
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
