package org.opd.notifier.outbound;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.opd.notifier.webhook.Signatures;

/**
 * How our webhook calls are signed, as Stripe signs its own: the header {@code OPD-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the subscription's secret (its UTF-8 bytes, prefix
 * included) over {@code <t>.<body>}. The receiver recomputes it over the raw body, compares in constant
 * time and refuses a {@code t} too far from its clock (a replayed capture). See docs/webhooks.md.
 */
final class WebhookSignature {

    static final String HEADER = "OPD-Signature";
    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String header(String secret, long timestampSeconds, String body) {
        return "t=" + timestampSeconds + ",v1=" + Signatures.hmacSha256Hex(secret,
                (timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    /** A new secret: 32 random bytes, URL-safe Base64, after {@code whsec_}. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
