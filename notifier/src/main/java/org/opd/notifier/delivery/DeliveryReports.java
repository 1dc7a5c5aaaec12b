package org.opd.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

import org.opd.notifier.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What providers report after accepting a message (their status callbacks): SENT becomes DELIVERED
 * or FAILED, and so does a row whose outcome was unknown after a crash. A WhatsApp message reported
 * undelivered falls back to SMS.
 */
public final class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final NotificationLog notificationLog;
    private final DeliveryLoop loop;
    private final DeliveryMetrics metrics;

    DeliveryReports(NotificationLog notificationLog, DeliveryLoop loop, DeliveryMetrics metrics) {
        this.notificationLog = notificationLog;
        this.loop = loop;
        this.metrics = metrics;
    }

    /** @param notificationId our id when the provider echoes it, else null */
    public void delivered(Channel channel, UUID notificationId, String externalId, Instant at) {
        notificationLog.markDelivered(channel, notificationId, externalId, at).ifPresentOrElse(
                id -> metrics.delivered(channel),
                () -> log.debug("{} delivery report for {} matches no message awaiting one", channel, externalId));
    }

    public void undelivered(Channel channel, UUID notificationId, String externalId, String reason) {
        notificationLog.markUndelivered(channel, notificationId, externalId, reason).ifPresentOrElse(id -> {
            metrics.failed(channel);
            log.warn("{} message {} reported undelivered", channel, externalId);
            if (channel == Channel.WHATSAPP && notificationLog.fallBackToSms(id).isPresent()) {
                log.info("Undelivered WhatsApp message falls back to SMS");
                loop.wakeUp();
            }
        }, () -> log.debug("{} failure report for {} matches no message awaiting one", channel, externalId));
    }
}
