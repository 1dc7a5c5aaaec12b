package org.opd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.opd.deploy.kafka.InProcessKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local system with each service its own process (the second run mode): the broker in this JVM, then the
 * orchestrator, the cdc-connector, and one or more instances of the eta-calculator and of the notifier, each
 * from its module's executable jar. Instances of one service share its consumer groups, so they split the
 * partitions and take over each other's when one dies. A service can be killed and started again by name,
 * for fault runs. Closing it stops the services in reverse order, then the broker.
 */
public final class ProcessSystem implements OpdSystem {

    /** How many of each scalable service, by their ports (the first usually the configured one). */
    public record Instances(List<Integer> etaPorts, List<Integer> notifierPorts) {

        public Instances {
            etaPorts = List.copyOf(etaPorts);
            notifierPorts = List.copyOf(notifierPorts);
            if (etaPorts.isEmpty() || notifierPorts.isEmpty()) {
                throw new IllegalArgumentException("at least one eta-calculator and one notifier");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessSystem.class);
    /** Each service's start on a busy 2-core machine; the orchestrator's first one migrates the schema. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);
    private static final String DEFAULT_JAVA_OPTIONS = "-Xmx512m -XX:+ExitOnOutOfMemoryError";

    private final InProcessKafkaBroker broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private ProcessSystem(InProcessKafkaBroker broker) {
        this.broker = broker;
    }

    /** @param modulesDir where the modules' {@code target/*-exec.jar} are (the repository's root) */
    public static ProcessSystem start(LocalSystemConfig config, Instances instances, Path modulesDir) {
        ProcessSystem system = new ProcessSystem(InProcessKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort()));
        try {
            String kafka = system.broker.bootstrapServers();
            LocalSystem.setUp(config, kafka);
            ServiceSettings settings = new ServiceSettings(config, LocalSecrets.load(config.dataDir()), kafka);
            Path logs = config.dataDir().resolve("logs");
            List<String> javaOptions = Arrays.asList(System.getenv().getOrDefault("OPD_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS)
                    .trim().split("\\s+"));
            List<ServiceProcess> all = new ArrayList<>();
            // The orchestrator migrates the schema, so it starts first.
            all.add(new ServiceProcess("orchestrator", jar(modulesDir, "orchestrator"), config.orchestratorPort(),
                    settings.orchestrator(), javaOptions, logs));
            all.add(new ServiceProcess("cdc-connector", jar(modulesDir, "cdc-connector"), config.cdcPort(),
                    settings.cdcConnector(), javaOptions, logs));
            for (int i = 0; i < instances.etaPorts().size(); i++) {
                String name = "eta-calculator-" + (i + 1);
                int port = instances.etaPorts().get(i);
                all.add(new ServiceProcess(name, jar(modulesDir, "eta-calculator"), port,
                        settings.etaCalculator(port, config.dataDir().resolve("eta-state").resolve(name)), javaOptions, logs));
            }
            for (int i = 0; i < instances.notifierPorts().size(); i++) {
                int port = instances.notifierPorts().get(i);
                all.add(new ServiceProcess("notifier-" + (i + 1), jar(modulesDir, "notifier"), port, settings.notifier(port),
                        javaOptions, logs));
            }
            for (ServiceProcess service : all) {
                system.services.put(service.name(), service);
                service.start(READY_WITHIN);
            }
            log.info("OPD system is up, one process per service ({}): API on http://127.0.0.1:{}", system.services.keySet(),
                    config.orchestratorPort());
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The services by name: orchestrator, cdc-connector, eta-calculator-1 …, notifier-1 …. */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** {@code kill -9} of one service. */
    public void kill(String service) {
        require(service).kill();
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void restart(String service) {
        ServiceProcess process = require(service);
        if (process.isAlive()) {
            throw new IllegalStateException(service + " is running");
        }
        process.start(READY_WITHIN);
    }

    private ServiceProcess require(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("No service " + service + "; there are " + services.keySet());
        }
        return process;
    }

    private static Path jar(Path modulesDir, String module) {
        Path target = modulesDir.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + module + " in " + target
                            + "; build it first (mvn -pl " + module + " -am package)"));
        } catch (IOException e) {
            throw new UncheckedIOException("No executable jar of " + module + " in " + target + "; build it first", e);
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> started = new ArrayList<>(services.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        broker.close();
    }
}
