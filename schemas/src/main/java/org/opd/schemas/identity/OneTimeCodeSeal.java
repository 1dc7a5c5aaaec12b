package org.opd.schemas.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.opd.schemas.secret.SharedKeys;

/**
 * Seals a one-time secret — a patient's sign-in code, a staff account's e-mail link token — for its
 * way from the orchestrator to the notifier (outbox, Kafka, {@code notifications_log} until sent):
 * AES-256-GCM under a key both services get from the environment ({@code OPD_OTP_MESSAGE_KEY}, base64 of
 * 32 random bytes), a fresh random 96-bit nonce per seal, and the recipient's id (patient or account) as
 * associated data, so a sealed secret moved into another recipient's event does not open. The sealed form is {@code v1.} followed by base64url(nonce ‖ ciphertext ‖ tag).
 *
 * <p>Plain JDK; thread-safe (a {@link Cipher} is made per call). Failures never quote the input.
 */
public final class OneTimeCodeSeal {

    private static final String VERSION = "v1.";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private OneTimeCodeSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key standard base64 of exactly 32 bytes */
    public static OneTimeCodeSeal withKey(String base64Key) {
        return new OneTimeCodeSeal(SharedKeys.decode(base64Key, "one-time code message key", "OPD_OTP_MESSAGE_KEY"));
    }

    /** A new random key in the form {@link #withKey} takes, e.g. for a local run without a configured one. */
    public static String newKey() {
        return SharedKeys.newKey();
    }

    public String seal(String code, UUID recipientId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, recipientId);
            byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a one-time code: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @throws IllegalArgumentException when the sealed code was not sealed for this patient under this key, or was altered */
    public String unseal(String sealed, UUID recipientId) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a sealed one-time code of version " + VERSION);
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A sealed one-time code that is not base64url");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("A sealed one-time code too short to be one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), recipientId);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException: another key, another patient, or altered on the way.
            throw new IllegalArgumentException("Cannot unseal the one-time code: " + e.getClass().getSimpleName());
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID recipientId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("opd-otp:" + recipientId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "OneTimeCodeSeal[key=<hidden>]";
    }
}
