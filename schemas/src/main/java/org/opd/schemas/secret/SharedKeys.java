package org.opd.schemas.secret;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys that two services share through their environment (base64 of 32 random bytes): read with a
 * refusal that names the variable and never quotes the value, or made anew for a local run.
 */
public final class SharedKeys {

    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedKeys() {
    }

    /**
     * @param what     the key's name in a refusal, e.g. "status link key"
     * @param variable the environment variable it comes from
     */
    public static byte[] decode(String base64Key, String what, String variable) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is not set (" + variable + ")");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The " + what + " must be " + KEY_BYTES
                    + " bytes (base64 of 32 random bytes), not " + key.length);
        }
        return key;
    }

    /** A new random key in the form {@link #decode} takes. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
