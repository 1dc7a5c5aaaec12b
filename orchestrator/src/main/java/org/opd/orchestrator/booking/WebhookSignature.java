package org.opd.orchestrator.booking;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A webhook signature as Razorpay and Cal.com make it: the hex HMAC-SHA256 of the raw body, keyed with the webhook secret. */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String of(byte[] rawBody, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Compared in constant time, so the answer's timing tells nothing about the right signature. */
    public static boolean matches(byte[] rawBody, String signature, String secret) {
        if (signature == null || secret.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(of(rawBody, secret).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
