package org.opd.notifier.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.opd.notifier.sms.SmsProvider;
import org.opd.notifier.sms.SmsSendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends an SMS at most once per token, type and channel: the PENDING row is committed first,
 * and only the caller that created it sends. A provider that refuses leaves the row FAILED with
 * its reason; the event still counts as handled.
 *
 * <p>Should the database fail after the provider accepted, the row stays PENDING and the replayed
 * event does not send again: a patient may miss a message, but never gets it twice.
 */
@Service
public class SmsDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

    private final NotificationLog notificationLog;
    private final SmsProvider provider;
    private final DeliveryMetrics metrics;

    SmsDelivery(NotificationLog notificationLog, SmsProvider provider, DeliveryMetrics metrics) {
        this.notificationLog = notificationLog;
        this.provider = provider;
        this.metrics = metrics;
    }

    public void deliver(SmsNotification notification) {
        Optional<UUID> pending = notificationLog.recordPendingSms(notification);
        if (pending.isEmpty()) {
            log.info("{} SMS already recorded for this token; not sending it again", notification.type());
            return;
        }
        UUID notificationId = pending.get();
        long start = System.nanoTime();
        try {
            String externalId = provider.send(notification.phoneNumber(), notification.message());
            metrics.sent(Channel.SMS, Duration.ofNanos(System.nanoTime() - start));
            notificationLog.markSent(notificationId, externalId);
            log.info("{} SMS sent, provider id {}", notification.type(), externalId);
        } catch (SmsSendException e) {
            metrics.failed(Channel.SMS, Duration.ofNanos(System.nanoTime() - start));
            notificationLog.markFailed(notificationId, e.getMessage());
            log.warn("{} SMS not accepted by the provider: {}", notification.type(), e.summary());
        }
    }
}
