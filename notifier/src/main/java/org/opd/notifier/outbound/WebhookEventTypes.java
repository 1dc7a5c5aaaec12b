package org.opd.notifier.outbound;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.token.TokenEventType;

/**
 * The event types a subscription may ask for: every token event of {@code opd.token-events} under its own
 * name ({@code TOKEN_ISSUED}, {@code TOKEN_CALLED}, …) and the operations alerts of {@code opd.alerts}
 * ({@code ALERT_RAISED}, {@code ALERT_RESOLVED}). Appointments travel on no topic: a booked appointment
 * reaches a webhook as the ONLINE token it becomes on its day.
 */
final class WebhookEventTypes {

    static final String ALERT_RAISED = "ALERT_RAISED";
    static final String ALERT_RESOLVED = "ALERT_RESOLVED";

    /** In catalogue order: token events, then alerts. */
    static final Set<String> ALL = Collections.unmodifiableSet(new LinkedHashSet<>(Stream.concat(
            Arrays.stream(TokenEventType.values()).map(Enum::name), Stream.of(ALERT_RAISED, ALERT_RESOLVED)).toList()));

    private WebhookEventTypes() {
    }

    static String of(OperationsAlert alert) {
        return alert.resolved() ? ALERT_RESOLVED : ALERT_RAISED;
    }
}
