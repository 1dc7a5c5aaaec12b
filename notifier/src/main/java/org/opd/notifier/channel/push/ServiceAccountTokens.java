package org.opd.notifier.channel.push;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.SendException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens of a Google service account (OAuth 2 JWT bearer grant, RFC 7523): a JWT signed
 * RS256 with the account's private key is exchanged at its {@code token_uri} for an access token
 * with the {@code firebase.messaging} scope. Kept until a minute before it expires, then replaced.
 */
final class ServiceAccountTokens implements AccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private static final String PROVIDER = "Google OAuth";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpClient http;
    private final String clientEmail;
    private final PrivateKey privateKey;
    private final URI tokenUri;
    private final Duration requestTimeout;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    ServiceAccountTokens(HttpClient http, String clientEmail, PrivateKey privateKey, URI tokenUri,
            Duration requestTimeout, Clock clock) {
        this.http = http;
        this.clientEmail = clientEmail;
        this.privateKey = privateKey;
        this.tokenUri = tokenUri;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** Reads the JSON key file the Firebase console hands out. */
    static ServiceAccountTokens fromKeyFile(Path file, HttpClient http, Duration requestTimeout) {
        try {
            JsonNode key = ProviderHttp.JSON.readTree(Files.readString(file));
            return new ServiceAccountTokens(http, key.path("client_email").asText(), privateKey(key.path("private_key").asText()),
                    URI.create(key.path("token_uri").asText("https://oauth2.googleapis.com/token")), requestTimeout,
                    Clock.systemUTC());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // The path is configuration, not a secret; the file's content is never quoted.
            throw new IllegalStateException("Cannot read the FCM service account key file " + file, e);
        }
    }

    @Override
    public synchronized String current() throws SendException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(expiresAt.minus(REFRESH_MARGIN))) {
            return token;
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion(now);
        JsonNode answer = ProviderHttp.postForm(http, tokenUri, null, requestTimeout, form, PROVIDER, "error",
                "error_description");
        token = ProviderHttp.messageId(answer.path("access_token"), PROVIDER);
        expiresAt = now.plusSeconds(answer.path("expires_in").asLong(ASSERTION_LIFETIME.toSeconds()));
        return token;
    }

    private String assertion(Instant now) throws SendException {
        try {
            String header = BASE64URL.encodeToString(ProviderHttp.JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String claims = BASE64URL.encodeToString(ProviderHttp.JSON.writeValueAsBytes(Map.of(
                    "iss", clientEmail, "scope", SCOPE, "aud", tokenUri.toString(),
                    "iat", now.getEpochSecond(), "exp", now.plus(ASSERTION_LIFETIME).getEpochSecond())));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw SendException.notSendable("Cannot sign the service account's token request: " + e, e);
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
