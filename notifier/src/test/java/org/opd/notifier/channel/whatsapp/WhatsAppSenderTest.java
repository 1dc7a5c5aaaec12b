package org.opd.notifier.channel.whatsapp;

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
import org.opd.testsupport.LocalWhatsAppServer;

/** The WhatsApp Cloud API client against a loopback server that speaks its message send. */
class WhatsAppSenderTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String ACCESS_TOKEN = "wa-access-token";

    private final LocalWhatsAppServer meta = new LocalWhatsAppServer("v21.0", PHONE_NUMBER_ID, ACCESS_TOKEN);

    @AfterEach
    void stopServer() {
        meta.close();
    }

    @Test
    void sendsATextMessageAndReturnsTheWamid() throws Exception {
        // Given a sender with the right account
        WhatsAppSender sender = sender(ACCESS_TOKEN, Duration.ofSeconds(5));
        UUID notificationId = UUID.randomUUID();

        // When a Hindi text goes to an E.164 number
        String id = sender.send(new OutgoingMessage(notificationId, "CARD-001", "+919800000001", "टोकन CARD-001"));

        // Then Meta got the number without its plus, the text intact and our id to echo in callbacks
        assertThat(meta.received()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("919800000001");
            assertThat(message.body()).isEqualTo("टोकन CARD-001");
            assertThat(message.callbackData()).isEqualTo(notificationId.toString());
            assertThat(message.id()).isEqualTo(id).startsWith("wamid.");
        });
    }

    @Test
    void aWrongAccessTokenIsRefusedForGood() {
        assertThatThrownBy(() -> sender("wrong", Duration.ofSeconds(5)).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("WhatsApp answered HTTP 401: Invalid OAuth access token"
                            + " - Cannot parse access token (WhatsApp error 190)");
                });
    }

    @Test
    void rateLimitingIsRetryableAfterTheProvidersWait() {
        meta.rateLimitNext(1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> sender(ACCESS_TOKEN, Duration.ofSeconds(5)).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                });
        assertThat(meta.received()).isEmpty();
    }

    @Test
    void aThrottlingCodeIsRetryableEvenUnderHttp400() {
        // Given Meta reports its pair rate limit the way it reports most errors, with HTTP 400
        meta.failNextWithCode(1, 400, 131056);

        assertThatThrownBy(() -> sender(ACCESS_TOKEN, Duration.ofSeconds(5)).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void anUndeliverableMessageIsRefusedForGood() {
        meta.failNext(1, 400);

        assertThatThrownBy(() -> sender(ACCESS_TOKEN, Duration.ofSeconds(5)).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aStalledProviderTimesOutRetryably() {
        meta.stallNext(1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> sender(ACCESS_TOKEN, Duration.ofMillis(300)).send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).startsWith("WhatsApp did not answer in time");
                });
    }

    @Test
    void printedPropertiesNeverShowTheSecrets() {
        assertThat(properties("top-secret-token", Duration.ofSeconds(1)).toString())
                .doesNotContain("top-secret-token", "app-secret-value", "verify-token-value")
                .contains(PHONE_NUMBER_ID);
    }

    private static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), "CARD-001", "+919800000001", "hello");
    }

    private WhatsAppSender sender(String accessToken, Duration requestTimeout) {
        WhatsAppProperties properties = properties(accessToken, requestTimeout);
        return new WhatsAppSender(properties, ProviderHttp.client(properties.connectTimeout()));
    }

    private WhatsAppProperties properties(String accessToken, Duration requestTimeout) {
        return new WhatsAppProperties(true, URI.create(meta.baseUrl()), "v21.0", PHONE_NUMBER_ID, accessToken,
                "app-secret-value", "verify-token-value", Duration.ofSeconds(2), requestTimeout,
                new ProviderLimits(100, 100, 5, Duration.ofSeconds(30)));
    }
}
