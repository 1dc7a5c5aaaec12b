package org.opd.notifier.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubscriptionInputTest {

    private final SubscriptionInput strict = new SubscriptionInput(false);
    private final SubscriptionInput loopbackAllowed = new SubscriptionInput(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://his.example.org/hooks", "https://10.0.0.5:8443/opd?src=queue", "HTTPS://HIS.example.org"})
    void acceptsHttpsTargets(String url) {
        assertThat(strict.targetUrl(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000/hooks", "http://127.0.0.1:9000/hooks", "http://[::1]:9000/hooks"})
    void acceptsHttpToLoopbackOnlyWhereAllowed(String url) {
        assertThat(loopbackAllowed.targetUrl(url).toString()).isEqualTo(url);
        assertThatThrownBy(() -> strict.targetUrl(url)).isInstanceOf(WebhookProblem.class).hasMessageContaining("https");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://his.example.org/hooks | must use https (http only to localhost)",
            "http://127.0.0.1.nip.io/hooks | must use https (http only to localhost)",
            "ftp://127.0.0.1/hooks | must use https (http only to localhost)",
            "/hooks | must be an absolute URL with a host",
            "https://user:secret@his.example.org/ | must not carry a user name or password",
            "https://his.example.org/#top | must not have a fragment",
            "https://his example.org/ | is not a URL"})
    void refusesOtherTargetsNamingTheRule(String url, String rule) {
        assertThatThrownBy(() -> loopbackAllowed.targetUrl(url)).isInstanceOf(WebhookProblem.class)
                .satisfies(e -> assertThat(((WebhookProblem) e).problem().getProperties().get("errors"))
                        .isEqualTo(List.of(WebhookProblem.field("targetUrl", rule))));
    }

    @Test
    void keepsEachKnownEventTypeOnceAndNamesTheUnknownOneByPosition() {
        assertThat(strict.eventTypes(List.of("TOKEN_CALLED", "ALERT_RAISED", "TOKEN_CALLED", "APPOINTMENT_BOOKED")))
                .containsExactly("TOKEN_CALLED", "ALERT_RAISED", "APPOINTMENT_BOOKED");
        assertThatThrownBy(() -> strict.eventTypes(List.of("TOKEN_CALLED", "APPOINTMENT_LOST")))
                .isInstanceOf(WebhookProblem.class)
                .satisfies(e -> assertThat(((WebhookProblem) e).problem().getDetail()).startsWith("eventTypes[1] is not an event type"));
    }

    @Test
    void theCatalogueHoldsEveryTokenEventEveryAppointmentEventAndBothAlertTypes() {
        assertThat(WebhookEventTypes.ALL).hasSize(org.opd.schemas.token.TokenEventType.values().length
                        + org.opd.schemas.appointment.AppointmentEventType.values().length + 2)
                .contains("TOKEN_ISSUED", "TOKEN_COMPLETED", "APPOINTMENT_CANCELLED", "WAITLIST_OFFERED", "REMINDER_DUE",
                        "ALERT_RAISED", "ALERT_RESOLVED");
    }
}
