package org.opd.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opd.cdc.CdcConnectorApplication;
import org.opd.deploy.kafka.InProcessKafkaBroker;
import org.opd.deploy.setup.Finding;
import org.opd.deploy.setup.Mode;
import org.opd.deploy.setup.Setup;
import org.opd.deploy.setup.SetupConfig;
import org.opd.eta.EtaCalculatorApplication;
import org.opd.notifier.NotifierApplication;
import org.opd.orchestrator.OrchestratorApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole OPD system in one JVM: a Kafka broker and the four services, each in its own
 * Spring context with its own configuration file, wired to the local PostgreSQL and Redis.
 * Closing it stops the services in reverse order, then the broker.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    private final InProcessKafkaBroker broker;
    private final Deque<ConfigurableApplicationContext> services = new ArrayDeque<>();

    private LocalSystem(InProcessKafkaBroker broker) {
        this.broker = broker;
    }

    public static LocalSystem start(LocalSystemConfig config) {
        LocalSystem system = new LocalSystem(InProcessKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort()));
        try {
            String kafka = system.broker.bootstrapServers();
            setUp(config, kafka);
            LocalSecrets secrets = LocalSecrets.load(config.dataDir());
            // The orchestrator's embedded authorization server; the other services accept its tokens.
            String issuer = "http://127.0.0.1:" + config.orchestratorPort();
            // The orchestrator migrates the schema, so it starts first.
            system.startService("orchestrator", OrchestratorApplication.builder(), Map.ofEntries(
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
                    Map.entry("opd.orchestrator.status-links.key", secrets.get(LocalSecrets.STATUS_LINK_KEY))));
            system.startService("cdc-connector", CdcConnectorApplication.builder(), trusting(issuer, Map.of(
                    "server.port", config.cdcPort(),
                    "opd.cdc.database.host", config.pgHost(),
                    "opd.cdc.database.port", config.pgPort(),
                    "opd.cdc.database.name", config.pgDatabase(),
                    "opd.cdc.database.user", config.pgUser(),
                    "opd.cdc.database.password", config.pgPassword(),
                    "opd.cdc.kafka-bootstrap-servers", kafka,
                    "opd.cdc.slot-name", config.replicationSlot(),
                    "opd.cdc.publication-name", config.replicationSlot() + "_publication")));
            system.startService("eta-calculator", EtaCalculatorApplication.builder(), trusting(issuer, Map.of(
                    "server.port", config.etaPort(),
                    "opd.eta.kafka-bootstrap-servers", kafka,
                    "opd.eta.state-dir", config.dataDir().resolve("eta-state").toAbsolutePath(),
                    "opd.eta.redis.host", config.redisHost(),
                    "opd.eta.redis.port", config.redisPort(),
                    // Alerts are recorded in system_alerts of the system's own database (OPD_DB_NAME).
                    "spring.datasource.url", config.jdbcUrl(),
                    "spring.datasource.username", config.pgUser(),
                    "spring.datasource.password", config.pgPassword())));
            // More than Map.of takes: the notifier needs the database, Kafka, the SMS account, the sign-in and status link keys.
            system.startService("notifier", NotifierApplication.builder(), trusting(issuer, Map.ofEntries(
                    Map.entry("server.port", config.notifierPort()),
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
                    Map.entry("opd.notifier.status-link-key", secrets.get(LocalSecrets.STATUS_LINK_KEY)))));
            log.info("OPD system is up: API on http://127.0.0.1:{}; bootstrap credentials in {}", config.orchestratorPort(),
                    config.dataDir().resolve(LocalSecrets.FILE).toAbsolutePath());
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * The set-up command's work before any service starts (schema, slot and publication, topics, Redis).
     * Only what could not be made stops the runner; a thing made differently by an older version (a topic
     * of an older data directory without its retention) is logged, for {@code setup.sh --validate} to show.
     */
    private static void setUp(LocalSystemConfig config, String kafka) {
        List<Finding> findings = Setup.run(new SetupConfig(config.pgHost(), config.pgPort(), config.pgDatabase(), config.pgUser(),
                config.pgPassword(), kafka, (short) 1, config.replicationSlot(), config.replicationSlot() + "_publication",
                config.redisHost(), config.redisPort()), Mode.CREATE);
        findings.stream().filter(finding -> finding.outcome() == Finding.Outcome.WRONG).forEach(finding -> log.warn("Set-up: {}", finding));
        List<Finding> missing = findings.stream().filter(finding -> finding.outcome() == Finding.Outcome.MISSING).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The local system could not be set up: " + missing);
        }
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The service's properties, and the issuer whose tokens it accepts. */
    private static Map<String, Object> trusting(String issuer, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("opd.security.trusted-issuers", issuer);
        return all;
    }

    private void startService(String name, SpringApplicationBuilder builder, Map<String, Object> properties) {
        // Command-line arguments outrank the service's own yml, environment variables included.
        String[] args = new TreeMap<>(properties).entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        log.info("Starting {}", name);
        services.push(builder.properties("spring.application.name=" + name).run(args));
    }

    @Override
    public void close() {
        while (!services.isEmpty()) {
            services.pop().close();
        }
        broker.close();
    }
}
