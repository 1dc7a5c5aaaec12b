package org.opd.notifier.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where intake puts messages: one PENDING row per token (or appointment), type and channel (per event and
 * channel for a sign-in code), committed before anything is sent, so a replayed event finds the row and sends nothing.
 */
public final class DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

    private final NotificationLog notificationLog;
    private final DeliveryLoop loop;

    DeliveryQueue(NotificationLog notificationLog, DeliveryLoop loop) {
        this.notificationLog = notificationLog;
        this.loop = loop;
    }

    public void enqueue(NewNotification notification) {
        if (notificationLog.recordPending(notification).isEmpty()) {
            log.info("{} {} already recorded for this token; not sending it again", notification.type(),
                    notification.channel());
            return;
        }
        loop.wakeUp();
    }

    public void enqueue(NewAppointmentMessage message) {
        if (notificationLog.recordPendingAppointmentMessage(message).isEmpty()) {
            log.info("{} {} already recorded for appointment {}; not sending it again", message.type(), message.channel(),
                    message.appointmentId());
            return;
        }
        loop.wakeUp();
    }

    public void enqueue(NewSignInCode code) {
        if (notificationLog.recordPendingSignInCode(code).isEmpty()) {
            log.info("Sign-in code of event {} already recorded; not sending it again", code.eventId());
            return;
        }
        loop.wakeUp();
    }
}
