package org.opd.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What each service of the local system is told on top of its own configuration file: where PostgreSQL,
 * Redis and the broker are, its port, and the runner's secrets. One place for both run modes: the services
 * in one JVM ({@link LocalSystem}) and each service its own process ({@link ProcessSystem}).
 */
final class ServiceSettings {

    private final LocalSystemConfig config;
    private final LocalSecrets secrets;
    private final String kafka;
    /** The orchestrator's embedded authorization server; the other services accept its tokens. */
    private final String issuer;

    ServiceSettings(LocalSystemConfig config, LocalSecrets secrets, String kafka) {
        this.config = config;
        this.secrets = secrets;
        this.kafka = kafka;
        this.issuer = "http://127.0.0.1:" + config.orchestratorPort();
    }

    Map<String, Object> orchestrator() {
        return Map.ofEntries(
                Map.entry("opd.orchestrator.identity.secret-key", secrets.get(LocalSecrets.IDENTITY_SECRET_KEY)),
                Map.entry("opd.orchestrator.identity.signing-key", secrets.get(LocalSecrets.IDENTITY_SIGNING_KEY)),
                Map.entry("opd.orchestrator.identity.bootstrap.client-id", secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID)),
                Map.entry("opd.orchestrator.identity.bootstrap.client-secret", secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET)),
                Map.entry("opd.orchestrator.identity.bootstrap.admin-email", secrets.get(LocalSecrets.BOOTSTRAP_ADMIN_EMAIL)),
                Map.entry("opd.orchestrator.identity.bootstrap.admin-password", secrets.get(LocalSecrets.BOOTSTRAP_ADMIN_PASSWORD)),
                Map.entry("opd.orchestrator.identity.issuer", issuer),
                // The staff pages (public client opd-console, PKCE) are served by the orchestrator itself.
                Map.entry("opd.orchestrator.identity.console-redirect-uris",
                        issuer + "/screens/console.html," + issuer + "/screens/dashboard.html"),
                Map.entry("server.port", config.orchestratorPort()),
                Map.entry("spring.datasource.url", config.jdbcUrl()),
                Map.entry("spring.datasource.username", config.pgUser()),
                Map.entry("spring.datasource.password", config.pgPassword()),
                Map.entry("opd.orchestrator.redis.host", config.redisHost()),
                Map.entry("opd.orchestrator.redis.port", config.redisPort()),
                Map.entry("opd.orchestrator.otp.hash-key", secrets.get(LocalSecrets.OTP_HASH_KEY)),
                Map.entry("opd.orchestrator.otp.message-key", secrets.get(LocalSecrets.OTP_MESSAGE_KEY)),
                Map.entry("opd.orchestrator.status-links.key", secrets.get(LocalSecrets.STATUS_LINK_KEY)));
    }

    Map<String, Object> cdcConnector() {
        return trusting(Map.of(
                "server.port", config.cdcPort(),
                "opd.cdc.database.host", config.pgHost(),
                "opd.cdc.database.port", config.pgPort(),
                "opd.cdc.database.name", config.pgDatabase(),
                "opd.cdc.database.user", config.pgUser(),
                "opd.cdc.database.password", config.pgPassword(),
                "opd.cdc.kafka-bootstrap-servers", kafka,
                "opd.cdc.slot-name", config.replicationSlot(),
                "opd.cdc.publication-name", config.replicationSlot() + "_publication"));
    }

    /** @param stateDir Kafka Streams' local state: one per instance */
    Map<String, Object> etaCalculator(int port, Path stateDir) {
        return trusting(Map.of(
                "server.port", port,
                "opd.eta.kafka-bootstrap-servers", kafka,
                "opd.eta.state-dir", stateDir.toAbsolutePath().toString(),
                "opd.eta.redis.host", config.redisHost(),
                "opd.eta.redis.port", config.redisPort(),
                // Alerts are recorded in system_alerts of the system's own database (OPD_DB_NAME).
                "spring.datasource.url", config.jdbcUrl(),
                "spring.datasource.username", config.pgUser(),
                "spring.datasource.password", config.pgPassword()));
    }

    Map<String, Object> notifier(int port) {
        // More than Map.of takes: the notifier needs the database, Kafka, the SMS account, the sign-in and status link keys.
        return trusting(Map.ofEntries(
                Map.entry("server.port", port),
                Map.entry("spring.datasource.url", config.jdbcUrl()),
                Map.entry("spring.datasource.username", config.pgUser()),
                Map.entry("spring.datasource.password", config.pgPassword()),
                Map.entry("spring.kafka.bootstrap-servers", kafka),
                Map.entry("opd.notifier.sms.base-url", config.smsBaseUrl()),
                Map.entry("opd.notifier.sms.account-sid", config.smsAccountSid()),
                Map.entry("opd.notifier.sms.auth-token", config.smsAuthToken()),
                Map.entry("opd.notifier.sms.from-number", config.smsFromNumber()),
                Map.entry("opd.notifier.status-page-base-url", "http://127.0.0.1:" + config.orchestratorPort()),
                // Used once an SMTP server is configured (SPRING_MAIL_HOST): account links open the local orchestrator.
                Map.entry("opd.notifier.account-mail.link-base-url", "http://127.0.0.1:" + config.orchestratorPort()),
                Map.entry("opd.notifier.otp.message-key", secrets.get(LocalSecrets.OTP_MESSAGE_KEY)),
                Map.entry("opd.notifier.status-link-key", secrets.get(LocalSecrets.STATUS_LINK_KEY))));
    }

    /** The service's properties, and the issuer whose tokens it accepts. */
    private Map<String, Object> trusting(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("opd.security.trusted-issuers", issuer);
        return all;
    }
}
