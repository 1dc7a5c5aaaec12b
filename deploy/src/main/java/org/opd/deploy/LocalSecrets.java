package org.opd.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.status.StatusLinks;

/**
 * The secrets of a local system (bootstrap credentials, TOTP sealing and token signing keys, the
 * keys of patients' sign-in codes and status links): taken from the environment when set there, otherwise made once
 * and kept in {@code <data dir>/secrets.env} (readable by its owner only), so that the bootstrap
 * credentials, sealed TOTP secrets and signed tokens stay good across restarts of the runner. A
 * shell reads the file with {@code . var/secrets.env}.
 */
public final class LocalSecrets {

    public static final String FILE = "secrets.env";
    public static final String BOOTSTRAP_CLIENT_ID = "OPD_BOOTSTRAP_CLIENT_ID";
    public static final String BOOTSTRAP_CLIENT_SECRET = "OPD_BOOTSTRAP_CLIENT_SECRET";
    public static final String BOOTSTRAP_ADMIN_EMAIL = "OPD_BOOTSTRAP_ADMIN_EMAIL";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "OPD_BOOTSTRAP_ADMIN_PASSWORD";
    public static final String IDENTITY_SECRET_KEY = "OPD_IDENTITY_SECRET_KEY";
    public static final String IDENTITY_SIGNING_KEY = "OPD_IDENTITY_SIGNING_KEY";
    public static final String OTP_HASH_KEY = "OPD_ORCHESTRATOR_OTP_HASH_KEY";
    /** Shared by the orchestrator, which seals sign-in codes, and the notifier, which opens them. */
    public static final String OTP_MESSAGE_KEY = "OPD_OTP_MESSAGE_KEY";
    /** Shared by the notifier, which makes patients' status links, and the orchestrator, which opens them. */
    public static final String STATUS_LINK_KEY = "OPD_STATUS_LINK_KEY";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values;

    private LocalSecrets(Map<String, String> values) {
        this.values = values;
    }

    public static LocalSecrets load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties kept = read(file);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Supplier<String>> made = new LinkedHashMap<>();
        made.put(BOOTSTRAP_CLIENT_ID, () -> "opd-bootstrap");
        made.put(BOOTSTRAP_CLIENT_SECRET, () -> random(32));
        made.put(BOOTSTRAP_ADMIN_EMAIL, () -> "admin@opd.local");
        made.put(BOOTSTRAP_ADMIN_PASSWORD, () -> random(18));
        made.put(IDENTITY_SECRET_KEY, () -> random(32));
        made.put(IDENTITY_SIGNING_KEY, LocalSecrets::signingKey);
        made.put(OTP_HASH_KEY, OneTimeCodeSeal::newKey);
        made.put(OTP_MESSAGE_KEY, OneTimeCodeSeal::newKey);
        made.put(STATUS_LINK_KEY, StatusLinks::newKey);
        boolean changed = false;
        for (Map.Entry<String, Supplier<String>> secret : made.entrySet()) {
            String name = secret.getKey();
            String value = System.getenv(name);
            if (value == null || value.isBlank()) {
                value = kept.getProperty(name);
            }
            if (value == null || value.isBlank()) {
                value = secret.getValue().get();
                changed = true;
            }
            values.put(name, value);
        }
        if (changed) {
            write(file, values);
        }
        return new LocalSecrets(values);
    }

    /** The secrets of a system that has started with this data directory before; empty if none has (nothing is made). */
    public static Optional<LocalSecrets> existing(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE)) ? Optional.of(load(dataDir)) : Optional.empty();
    }

    public String get(String name) {
        return values.get(name);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void write(Path file, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# Secrets of this local OPD system, made on first start. Keep private.\n");
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** An RSA private key as PKCS#8 in one Base64 line (the orchestrator also takes it with PEM armour). */
    private static String signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
