package org.opd.notifier.webhook;

import java.util.UUID;

/** Our notification id as providers echo it back: a UUID, or null when absent or not ours. */
final class CallbackIds {

    private CallbackIds() {
    }

    static UUID notificationId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
