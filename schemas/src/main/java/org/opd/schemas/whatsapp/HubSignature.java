package org.opd.schemas.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256} on WhatsApp Cloud API webhooks: {@code sha256=} and the hex
 * HMAC-SHA256 of the raw body, keyed with the app secret. Shared by the notifier (delivery statuses)
 * and the orchestrator's booking assistant (inbound messages), which receive webhooks of the same app.
 */
public final class HubSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private HubSignature() {
    }

    public static String of(String appSecret, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** In constant time, so the answer's timing tells nothing about the right signature; a blank secret signs nothing. */
    public static boolean matches(String appSecret, byte[] rawBody, String header) {
        if (header == null || appSecret == null || appSecret.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(of(appSecret, rawBody).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
