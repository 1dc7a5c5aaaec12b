package org.opd.orchestrator.identity.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.opd.orchestrator.identity.IdentityProperties;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/** Seals TOTP secrets at rest with AES-256-GCM under the configured secret key (Spring Security's encryptors). */
@Component
class SecretSealer {

    private final TextEncryptor encryptor;

    SecretSealer(IdentityProperties properties) {
        this.encryptor = Encryptors.delux(properties.secretKey(), salt(properties.secretKey()));
    }

    String seal(String secret) {
        return encryptor.encrypt(secret);
    }

    String open(String sealed) {
        return encryptor.decrypt(sealed);
    }

    private static String salt(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("opd-totp:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
