package org.opd.notifier.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;

/** The provider client against a loopback server that speaks Twilio's Messages API. */
class TwilioSmsSenderTest {

    private static final String SID = "AC0123456789";
    private static final String TOKEN = "right-token";
    private static final String FROM = "+15005550006";
    private static final ProviderLimits LIMITS = new ProviderLimits(100, 100, 5, Duration.ofSeconds(30));

    private final LocalTwilioServer twilio = new LocalTwilioServer(SID, TOKEN);

    @AfterEach
    void stopServer() {
        twilio.close();
    }

    @Test
    void sendsTheMessageAndReturnsTheProvidersSid() throws Exception {
        // Given a provider with the right account
        ChannelSender provider = provider(twilio.baseUrl(), TOKEN);

        // When a message with characters that need form encoding is sent
        String body = "Token CARD-045 & more: 50% + टोकन https://opd.example.org/tokens/1?a=b";
        String sid = provider.send(message("+919800000001", body));

        // Then the server got it intact, from our number, and the sid it answered is returned
        assertThat(twilio.received()).singleElement().satisfies(sms -> {
            assertThat(sms.to()).isEqualTo("+919800000001");
            assertThat(sms.from()).isEqualTo(FROM);
            assertThat(sms.body()).isEqualTo(body);
        });
        assertThat(sid).isEqualTo(twilio.received().get(0).sid()).startsWith("SM");
    }

    @Test
    void acceptsABaseUrlWithATrailingSlash() throws Exception {
        String sid = provider(twilio.baseUrl() + "/", TOKEN).send(message("+919800000001", "hello"));

        assertThat(twilio.received()).extracting(ReceivedSms::sid).containsExactly(sid);
    }

    @Test
    void refusalWithAWrongAuthTokenSaysAuthenticationFailed() {
        ChannelSender provider = provider(twilio.baseUrl(), "wrong-token");

        assertThatThrownBy(() -> provider.send(message("+919800000001", "hello")))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.getMessage()).isEqualTo("Twilio answered HTTP 401: Authentication Error (Twilio error 20003)");
                    assertThat(e.summary()).isEqualTo("HTTP 401, provider error 20003");
                });
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void providerErrorCarriesItsStatusAndMessage() {
        twilio.failNext(1, 500);

        assertThatThrownBy(() -> provider(twilio.baseUrl(), TOKEN).send(message("+919800000001", "hello")))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Twilio answered HTTP 500: Internal Server Error (Twilio error 20500)");
                });
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void unreachableProviderIsAFailureWithoutStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> provider("http://127.0.0.1:" + closedPort, TOKEN).send(message("+919800000001", "hello")))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.getMessage()).startsWith("Cannot reach Twilio at 127.0.0.1");
                    assertThat(e.summary()).isEqualTo("no answer (ConnectException)");
                });
    }

    @Test
    void providerThatDoesNotAnswerFailsAfterTheRequestTimeout() throws Exception {
        // Given a server that accepts connections and never answers
        try (ServerSocket silent = new ServerSocket(0)) {
            SmsProperties properties = new SmsProperties(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    SID, TOKEN, FROM, Duration.ofSeconds(2), Duration.ofMillis(300), LIMITS);
            ChannelSender provider = new TwilioSmsSender(properties, ProviderHttp.client(properties.connectTimeout()),
                    Optional.empty());

            // Then sending gives up after the request timeout
            long start = System.nanoTime();
            assertThatThrownBy(() -> provider.send(message("+919800000001", "hello")))
                    .isInstanceOfSatisfying(SendException.class, e -> {
                        assertThat(e.httpStatus()).isEmpty();
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).startsWith("Twilio did not answer in time");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void printedPropertiesNeverShowTheAuthToken() {
        assertThat(properties(twilio.baseUrl(), "very-secret-token").toString())
                .doesNotContain("very-secret-token")
                .contains(SID);
    }

    @Test
    void asksForStatusCallbacksNamingTheNotification() throws Exception {
        SmsProperties properties = properties(twilio.baseUrl(), TOKEN);
        ChannelSender provider = new TwilioSmsSender(properties, ProviderHttp.client(properties.connectTimeout()),
                Optional.of(URI.create("https://notify.example.org/webhooks/twilio/status")));
        UUID notificationId = UUID.randomUUID();

        provider.send(new OutgoingMessage(notificationId, "CARD-001", "+919800000001", "hello"));

        assertThat(twilio.received()).singleElement().extracting(ReceivedSms::statusCallback)
                .isEqualTo("https://notify.example.org/webhooks/twilio/status?notificationId=" + notificationId);
    }

    @Test
    void tooManyRequestsIsRetryableAndCarriesRetryAfter() {
        twilio.rateLimitNext(1, Duration.ofSeconds(7));

        assertThatThrownBy(() -> provider(twilio.baseUrl(), TOKEN).send(message("+919800000001", "hello")))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void aRefusedNumberIsNotRetryable() {
        twilio.failNext(1, 400);

        assertThatThrownBy(() -> provider(twilio.baseUrl(), TOKEN).send(message("+919800000001", "hello")))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(
                            "Twilio answered HTTP 400: Invalid 'To' Phone Number (Twilio error 21211)");
                });
    }

    private static OutgoingMessage message(String to, String text) {
        return new OutgoingMessage(UUID.randomUUID(), "CARD-001", to, text);
    }

    private static ChannelSender provider(String baseUrl, String authToken) {
        SmsProperties properties = properties(baseUrl, authToken);
        return new TwilioSmsSender(properties, ProviderHttp.client(properties.connectTimeout()), Optional.empty());
    }

    private static SmsProperties properties(String baseUrl, String authToken) {
        return new SmsProperties(URI.create(baseUrl), SID, authToken, FROM, Duration.ofSeconds(2), Duration.ofSeconds(5),
                LIMITS);
    }
}
