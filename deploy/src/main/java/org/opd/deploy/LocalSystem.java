package org.opd.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
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
public final class LocalSystem implements OpdSystem {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    private final InProcessKafkaBroker broker;
    private final Deque<ConfigurableApplicationContext> services = new ArrayDeque<>();

    private LocalSystem(InProcessKafkaBroker broker) {
        this.broker = broker;
    }

    public static LocalSystem start(LocalSystemConfig config) {
        LocalSystem system = new LocalSystem(InProcessKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort()));
        try {
            setUp(config, system.broker.bootstrapServers());
            ServiceSettings settings = new ServiceSettings(config, LocalSecrets.load(config.dataDir()), system.broker.bootstrapServers());
            // The orchestrator migrates the schema, so it starts first.
            system.startService("orchestrator", OrchestratorApplication.builder(), settings.orchestrator());
            system.startService("cdc-connector", CdcConnectorApplication.builder(), settings.cdcConnector());
            system.startService("eta-calculator", EtaCalculatorApplication.builder(),
                    settings.etaCalculator(config.etaPort(), config.dataDir().resolve("eta-state")));
            system.startService("notifier", NotifierApplication.builder(), settings.notifier(config.notifierPort()));
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
    static void setUp(LocalSystemConfig config, String kafka) {
        List<Finding> findings = Setup.run(new SetupConfig(config.pgHost(), config.pgPort(), config.pgDatabase(), config.pgUser(),
                config.pgPassword(), kafka, (short) 1, config.replicationSlot(), config.replicationSlot() + "_publication",
                config.redisHost(), config.redisPort()), Mode.CREATE);
        findings.stream().filter(finding -> finding.outcome() == Finding.Outcome.WRONG).forEach(finding -> log.warn("Set-up: {}", finding));
        List<Finding> missing = findings.stream().filter(finding -> finding.outcome() == Finding.Outcome.MISSING).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The local system could not be set up: " + missing);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
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
