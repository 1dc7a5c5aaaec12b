package org.opd.orchestrator.identity.staff;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes (6 digits, 30 s, HMAC-SHA1, as every authenticator app reads an
 * {@code otpauth://} URI): a code of the current step or one step either side is accepted, for
 * clocks a little apart.
 */
final class TotpCodes {

    private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();

    /** A new shared secret, in Base32 as authenticator apps take it. */
    static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    static String otpauthUri(String issuer, String account, String secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secret + "&issuer=" + encode(issuer);
    }

    /** @return the time step the code belongs to, if it is right */
    OptionalLong verify(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        int given = Integer.parseInt(code);
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm());
        long step = now.getEpochSecond() / STEP.getSeconds();
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            if (generate(key, candidate) == given) {
                return OptionalLong.of(candidate);
            }
        }
        return OptionalLong.empty();
    }

    private int generate(SecretKeySpec key, long step) {
        try {
            return generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret is not a valid HMAC key", e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
