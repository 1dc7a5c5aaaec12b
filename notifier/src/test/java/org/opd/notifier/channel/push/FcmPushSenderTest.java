package org.opd.notifier.channel.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;
import org.opd.testsupport.LocalFcmServer;

/** The FCM HTTP v1 client against a loopback server that speaks its messages:send. */
class FcmPushSenderTest {

    private static final String PROJECT = "opd-patient-app";
    private static final String ACCESS_TOKEN = "ya29.fcm-access-token";

    private final LocalFcmServer fcm = new LocalFcmServer(PROJECT, ACCESS_TOKEN);

    @AfterEach
    void stopServer() {
        fcm.close();
    }

    @Test
    void pushesToTheDeviceAndReturnsTheMessageName() throws Exception {
        String name = sender(ACCESS_TOKEN).send(new OutgoingMessage(UUID.randomUUID(), "CARD-007", "device-token-1",
                "Token CARD-007: please go to cabin C-12 now"));

        assertThat(fcm.received()).singleElement().satisfies(push -> {
            assertThat(push.deviceToken()).isEqualTo("device-token-1");
            assertThat(push.title()).isEqualTo("OPD CARD-007");
            assertThat(push.body()).isEqualTo("Token CARD-007: please go to cabin C-12 now");
            assertThat(push.name()).isEqualTo(name).startsWith("projects/" + PROJECT + "/messages/");
        });
    }

    @Test
    void anUnregisteredDeviceIsRefusedForGood() {
        fcm.failNext(1, 404);

        assertThatThrownBy(() -> sender(ACCESS_TOKEN).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(
                            "FCM answered HTTP 404: Requested entity was not found. (FCM error UNREGISTERED)");
                });
    }

    @Test
    void anUnavailableServiceIsRetryable() {
        fcm.failNext(1, 503);

        assertThatThrownBy(() -> sender(ACCESS_TOKEN).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aWrongAccessTokenIsRefused() {
        assertThatThrownBy(() -> sender("expired").send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.httpStatus()).hasValue(401));
        assertThat(fcm.received()).isEmpty();
    }

    private static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), "CARD-001", "device-token-1", "hello");
    }

    private FcmPushSender sender(String accessToken) {
        PushProperties properties = new PushProperties(true, URI.create(fcm.baseUrl()), PROJECT, accessToken,
                Duration.ofSeconds(2), Duration.ofSeconds(5), new ProviderLimits(100, 100, 5, Duration.ofSeconds(30)));
        return new FcmPushSender(properties, ProviderHttp.client(properties.connectTimeout()));
    }
}
