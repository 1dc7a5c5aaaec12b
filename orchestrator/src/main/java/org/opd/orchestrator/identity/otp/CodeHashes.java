package org.opd.orchestrator.identity.otp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How codes are stored: HMAC-SHA256 under a server key that is not in the database, over the row's id
 * and the code. A slow password hash (bcrypt) would not help here: a 6-digit code has only 10^6 values,
 * which a stolen table would give up in minutes whatever the cost factor; what protects it is a key the
 * thief does not have. The row id binds a hash to its row, so one cannot be copied onto another.
 */
final class CodeHashes {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** @param base64Key base64 of at least 32 random bytes */
    CodeHashes(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opd.orchestrator.otp.hash-key is not valid base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("opd.orchestrator.otp.hash-key must be at least " + MIN_KEY_BYTES
                    + " bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    byte[] hash(UUID codeId, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((codeId + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Whether the code is the one stored, in time independent of where they differ. A row without a
     * hash (no patient had the phone) is compared against a hash of nothing, so it takes as long and fails.
     */
    boolean matches(UUID codeId, String code, byte[] stored) {
        byte[] candidate = hash(codeId, code);
        return MessageDigest.isEqual(candidate, stored == null ? new byte[candidate.length] : stored) && stored != null;
    }

    @Override
    public String toString() {
        return "CodeHashes[key=<hidden>]";
    }
}
