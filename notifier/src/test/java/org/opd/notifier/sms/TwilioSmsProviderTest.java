package org.opd.notifier.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.LocalTwilioServer.ReceivedSms;

/** The provider client against a loopback server that speaks Twilio's Messages API. */
class TwilioSmsProviderTest {

    private static final String SID = "AC0123456789";
    private static final String TOKEN = "right-token";
    private static final String FROM = "+15005550006";

    private final LocalTwilioServer twilio = new LocalTwilioServer(SID, TOKEN);

    @AfterEach
    void stopServer() {
        twilio.close();
    }

    @Test
    void sendsTheMessageAndReturnsTheProvidersSid() throws Exception {
        // Given a provider with the right account
        SmsProvider provider = provider(twilio.baseUrl(), TOKEN);

        // When a message with characters that need form encoding is sent
        String body = "Token CARD-045 & more: 50% + टोकन https://opd.example.org/tokens/1?a=b";
        String sid = provider.send("+919800000001", body);

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
        String sid = provider(twilio.baseUrl() + "/", TOKEN).send("+919800000001", "hello");

        assertThat(twilio.received()).extracting(ReceivedSms::sid).containsExactly(sid);
    }

    @Test
    void refusalWithAWrongAuthTokenSaysAuthenticationFailed() {
        SmsProvider provider = provider(twilio.baseUrl(), "wrong-token");

        assertThatThrownBy(() -> provider.send("+919800000001", "hello"))
                .isInstanceOfSatisfying(SmsSendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.getMessage()).isEqualTo("Twilio answered HTTP 401: Authentication Error (Twilio error 20003)");
                    assertThat(e.summary()).isEqualTo("HTTP 401, provider error 20003");
                });
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void providerErrorCarriesItsStatusAndMessage() {
        twilio.failNext(1, 500);

        assertThatThrownBy(() -> provider(twilio.baseUrl(), TOKEN).send("+919800000001", "hello"))
                .isInstanceOfSatisfying(SmsSendException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(500);
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

        assertThatThrownBy(() -> provider("http://127.0.0.1:" + closedPort, TOKEN).send("+919800000001", "hello"))
                .isInstanceOfSatisfying(SmsSendException.class, e -> {
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
                    SID, TOKEN, FROM, Duration.ofSeconds(2), Duration.ofMillis(300));
            SmsProvider provider = new TwilioSmsProvider(properties, TwilioSmsProvider.httpClient(properties));

            // Then sending gives up after the request timeout
            long start = System.nanoTime();
            assertThatThrownBy(() -> provider.send("+919800000001", "hello"))
                    .isInstanceOfSatisfying(SmsSendException.class, e -> {
                        assertThat(e.httpStatus()).isEmpty();
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

    private static SmsProvider provider(String baseUrl, String authToken) {
        SmsProperties properties = properties(baseUrl, authToken);
        return new TwilioSmsProvider(properties, TwilioSmsProvider.httpClient(properties));
    }

    private static SmsProperties properties(String baseUrl, String authToken) {
        return new SmsProperties(URI.create(baseUrl), SID, authToken, FROM, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
