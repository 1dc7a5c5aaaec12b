package org.opd.notifier.outbound;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEventType;
import org.opd.schemas.token.TokenEventType;

/**
 * The event types a subscription may ask for: every token event of {@code opd.token-events} under its own
 * name ({@code TOKEN_ISSUED}, {@code TOKEN_CALLED}, …), every appointment event of {@code opd.appointment-events}
 * under its own ({@code APPOINTMENT_BOOKED}, {@code WAITLIST_OFFERED}, …) and the operations alerts of
 * {@code opd.alerts} ({@code ALERT_RAISED}, {@code ALERT_RESOLVED}).
 */
final class WebhookEventTypes {

    static final String ALERT_RAISED = "ALERT_RAISED";
    static final String ALERT_RESOLVED = "ALERT_RESOLVED";

    /** In catalogue order: token events, appointment events, then alerts. */
    static final Set<String> ALL = Collections.unmodifiableSet(new LinkedHashSet<>(Stream.of(
            Arrays.stream(TokenEventType.values()).map(Enum::name),
            Arrays.stream(AppointmentEventType.values()).map(Enum::name),
            Stream.of(ALERT_RAISED, ALERT_RESOLVED)).flatMap(names -> names).toList()));

    private WebhookEventTypes() {
    }

    static String of(OperationsAlert alert) {
        return alert.resolved() ? ALERT_RESOLVED : ALERT_RAISED;
    }
}
