package org.opd.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.opd.schemas.whatsapp.HubSignature;

/**
 * How providers sign their callbacks, so that nobody else can mark our messages delivered.
 * Comparisons take constant time.
 */
public final class Signatures {

    private Signatures() {
    }

    /**
     * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the account's auth token,
     * over the full URL Twilio called followed by each POST parameter's name and value, sorted by name.
     */
    public static String twilio(String authToken, String url, Map<String, List<String>> postParameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(postParameters).forEach((name, values) ->
                values.stream().sorted().forEach(value -> data.append(name).append(value)));
        return Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed with the app secret. */
    public static String meta(String appSecret, byte[] body) {
        return HubSignature.of(appSecret, body);
    }

    /** The hex HMAC-SHA256 of {@code data} keyed with the UTF-8 bytes of {@code key}; our own outbound webhooks sign with it too. */
    public static String hmacSha256Hex(String key, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, data));
    }

    static boolean matches(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
