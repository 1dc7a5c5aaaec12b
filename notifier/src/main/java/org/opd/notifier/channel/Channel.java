package org.opd.notifier.channel;

/** How a patient is reached; the values of {@code notifications_log.channel}. */
public enum Channel {
    SMS,
    WHATSAPP,
    PUSH,
    EMAIL
}
