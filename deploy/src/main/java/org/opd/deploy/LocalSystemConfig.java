package org.opd.deploy;

import java.nio.file.Path;

/**
 * Where the all-in-one system finds PostgreSQL and Redis, where it keeps its own data, and
 * the ports of its services. {@link #fromEnvironment()} reads the OPD_* variables that the
 * README documents.
 * Secrets are not here: {@link LocalSecrets} keeps them.
 */
public record LocalSystemConfig(
        String pgHost,
        int pgPort,
        String pgDatabase,
        String pgUser,
        String pgPassword,
        String redisHost,
        int redisPort,
        Path dataDir,
        int kafkaPort,
        int orchestratorPort,
        int etaPort,
        int notifierPort,
        int cdcPort,
        String replicationSlot,
        String smsBaseUrl,
        String smsAccountSid,
        String smsAuthToken,
        String smsFromNumber) {

    public static LocalSystemConfig fromEnvironment() {
        return new LocalSystemConfig(
                env("OPD_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("OPD_PG_PORT", "5432")),
                env("OPD_DB_NAME", "opd"),
                env("OPD_PG_USER", "postgres"),
                env("OPD_PG_PASSWORD", ""),
                env("OPD_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("OPD_REDIS_PORT", "6379")),
                Path.of(env("OPD_DATA_DIR", "var")),
                Integer.parseInt(env("OPD_KAFKA_PORT", "9092")),
                Integer.parseInt(env("OPD_ORCHESTRATOR_PORT", "8080")),
                Integer.parseInt(env("OPD_ETA_PORT", "8081")),
                Integer.parseInt(env("OPD_NOTIFIER_PORT", "8082")),
                Integer.parseInt(env("OPD_CDC_PORT", "8083")),
                env("OPD_CDC_SLOT", "opd_outbox"),
                env("OPD_SMS_BASE_URL", "https://api.twilio.com"),
                env("OPD_SMS_ACCOUNT_SID", "not-configured"),
                env("OPD_SMS_AUTH_TOKEN", "not-configured"),
                env("OPD_SMS_FROM", "+10000000000"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + pgDatabase;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
