package org.opd.notifier.channel.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;
import org.opd.testsupport.LocalFcmServer;

/** The FCM HTTP v1 client against a loopback server that speaks its messages:send. */
class FcmPushSenderTest {

    private static final String PROJECT = "opd-patient-app";
    private static final String ACCESS_TOKEN = "ya29.fcm-access-token";
    private static final String CLIENT_EMAIL = "notifier@opd-patient-app.iam.gserviceaccount.com";
    private static final ProviderLimits LIMITS = new ProviderLimits(100, 100, 5, Duration.ofSeconds(30));

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
    void mintsAnAccessTokenFromTheServiceAccountAndKeepsItWhileValid(@TempDir Path dir) throws Exception {
        // Given a service account whose tokens live an hour
        KeyPair key = serviceAccount(Duration.ofHours(1));
        FcmPushSender sender = FcmPushSender.of(serviceAccountProperties(keyFile(dir, key)),
                ProviderHttp.client(Duration.ofSeconds(2)));

        // When two messages go out
        sender.send(message());
        sender.send(message());

        // Then one token was minted (a signed JWT exchanged at the token endpoint) and both pushes accepted
        assertThat(fcm.tokensIssued()).isEqualTo(1);
        assertThat(fcm.received()).hasSize(2);
    }

    @Test
    void mintsANewTokenWhenTheOldOneIsAboutToExpire(@TempDir Path dir) throws Exception {
        // Given tokens that live 30 s, less than the minute kept in reserve
        KeyPair key = serviceAccount(Duration.ofSeconds(30));
        FcmPushSender sender = FcmPushSender.of(serviceAccountProperties(keyFile(dir, key)),
                ProviderHttp.client(Duration.ofSeconds(2)));

        sender.send(message());
        sender.send(message());

        assertThat(fcm.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aKeyTheTokenEndpointDoesNotKnowIsRefusedForGood(@TempDir Path dir) throws Exception {
        // Given the token endpoint knows another key than the one in the file
        serviceAccount(Duration.ofHours(1));
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        FcmPushSender sender = FcmPushSender.of(serviceAccountProperties(keyFile(dir, other)),
                ProviderHttp.client(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> sender.send(message()))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("Google OAuth answered HTTP 400: Invalid JWT Signature."
                            + " (Google OAuth error invalid_grant)");
                });
        assertThat(fcm.received()).isEmpty();
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

    @Test
    void printedPropertiesNeverShowTheAccessToken() {
        PushProperties properties = new PushProperties(true, URI.create(fcm.baseUrl()), PROJECT, "/secrets/key.json",
                "ya29.secret", Duration.ofSeconds(2), Duration.ofSeconds(5), LIMITS);

        assertThat(properties.toString()).doesNotContain("ya29.secret").contains(PROJECT, "/secrets/key.json");
    }

    private static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), "CARD-001", "device-token-1", "hello");
    }

    private KeyPair serviceAccount(Duration tokenLifetime) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        fcm.acceptServiceAccount(CLIENT_EMAIL, key.getPublic(), tokenLifetime);
        return key;
    }

    /** A key file as the Firebase console hands it out, pointing at the local token endpoint. */
    private Path keyFile(Path dir, KeyPair key) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve("service-account.json");
        Files.writeString(file, ProviderHttp.JSON.writeValueAsString(Map.of("type", "service_account",
                "project_id", PROJECT, "private_key_id", "4f1d6c0e", "private_key", pem, "client_email", CLIENT_EMAIL,
                "client_id", "104729031877236541923", "token_uri", fcm.tokenUri())));
        return file;
    }

    private PushProperties serviceAccountProperties(Path keyFile) {
        return new PushProperties(true, URI.create(fcm.baseUrl()), PROJECT, keyFile.toString(), null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), LIMITS);
    }

    private FcmPushSender sender(String accessToken) {
        PushProperties properties = new PushProperties(true, URI.create(fcm.baseUrl()), PROJECT, null, accessToken,
                Duration.ofSeconds(2), Duration.ofSeconds(5), LIMITS);
        return FcmPushSender.of(properties, ProviderHttp.client(properties.connectTimeout()));
    }
}
