package org.opd.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opd.deploy.files.DeploymentFiles.containers;
import static org.opd.deploy.files.DeploymentFiles.moduleOf;
import static org.opd.deploy.files.DeploymentFiles.settingsReadBy;
import static org.opd.deploy.files.DeploymentFiles.variable;
import static org.opd.deploy.files.DeploymentFiles.variableNames;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opd.deploy.LocalSecrets;
import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The compose file and the Kubernetes manifests cannot be run here (no Docker engine, no cluster), so they
 * are checked for what a reviewer would look for: every container has probes and limits, every setting it
 * is given is one its service reads, secrets come from secrets, images are the modules' Jib images, the
 * topics are the catalogue's, and each service runs as many times as it may.
 */
class DeploymentFilesTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY|SID).*");

    private final List<JsonNode> kubernetes = DeploymentFiles.kubernetesDocuments();
    private final JsonNode compose = DeploymentFiles.read(DeploymentFiles.COMPOSE);

    @Test
    void everyLongRunningContainerHasProbesAndEveryContainerRequestsAndLimitsItsResources() {
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                String where = name(workload) + "/" + container.path("name").asText();
                if (!workload.path("kind").asText().equals("Job")) {
                    assertThat(container.has("livenessProbe")).as(where + " liveness probe").isTrue();
                    assertThat(container.has("readinessProbe")).as(where + " readiness probe").isTrue();
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(container.at("/resources/" + bound + "/" + resource).asText())
                                .as(where + " " + bound + "." + resource).isNotBlank();
                    }
                }
                // A JVM sizes its heap from the limit: a lower request would let the node promise that memory twice.
                assertThat(container.at("/resources/requests/memory").asText()).as(where + " memory request = limit")
                        .isEqualTo(container.at("/resources/limits/memory").asText());
            }
        }
    }

    @Test
    void ourServicesProbeTheirOwnPortAtSpringBootsLivenessAndReadiness() {
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                String module = moduleOf(container.path("image").asText());
                if (module == null || !container.has("readinessProbe")) {
                    continue;
                }
                String where = name(workload);
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where).isEqualTo("/actuator/health/liveness");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where).isEqualTo("/actuator/health/readiness");
                JsonNode port = container.at("/ports/0");
                assertThat(container.at("/readinessProbe/httpGet/port").asText()).as(where).isEqualTo(port.path("name").asText());
                String portSetting = settingsReadBy(module).stream().filter(name -> name.matches("OPD_[A-Z]+_PORT")).findFirst().orElseThrow();
                assertThat(variable(container, portSetting).path("value").asText()).as(where + " " + portSetting)
                        .isEqualTo(port.path("containerPort").asText());
            }
        }
    }

    @Test
    void everyImageOfOursIsAModulesJibImageAndEveryImageModuleIsDeployed() {
        String version = DeploymentFiles.projectVersion();
        Set<String> deployedInKubernetes = new TreeSet<>();
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                String image = container.path("image").asText();
                String module = moduleOf(image);
                if (module != null) {
                    assertThat(image).isEqualTo("opd/" + module + ":" + version);
                    deployedInKubernetes.add(module);
                }
            }
        }
        Set<String> deployedInCompose = new TreeSet<>();
        composeServices().forEach((service, definition) -> {
            String module = moduleOf(definition.path("image").asText());
            if (module != null) {
                assertThat(definition.path("image").asText()).isEqualTo("opd/" + module + ":" + version);
                deployedInCompose.add(module);
            }
        });
        assertThat(deployedInKubernetes).isEqualTo(DeploymentFiles.imageModules());
        assertThat(deployedInCompose).isEqualTo(DeploymentFiles.imageModules());
    }

    @Test
    void everySettingAServiceIsGivenIsOneItReads() {
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                String module = moduleOf(container.path("image").asText());
                if (module != null) {
                    assertThat(settingsReadBy(module)).as(name(workload) + " reads what it is given")
                            .containsAll(variableNames(container.path("env")));
                }
            }
        }
        composeServices().forEach((service, definition) -> {
            String module = moduleOf(definition.path("image").asText());
            if (module != null) {
                assertThat(settingsReadBy(module)).as("compose " + service + " reads what it is given")
                        .containsAll(variableNames(definition.path("environment")));
            }
        });
    }

    @Test
    void theSecretsTheLocalRunnerMakesAreGivenToEveryServiceThatReadsThemFromASecret() throws IllegalAccessException {
        Set<String> secrets = localRunnerSecrets();
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                String module = moduleOf(container.path("image").asText());
                if (module == null) {
                    continue;
                }
                Set<String> needed = new TreeSet<>(secrets);
                needed.retainAll(settingsReadBy(module));
                assertThat(variableNames(container.path("env"))).as(name(workload) + " is given its secrets").containsAll(needed);
            }
        }
        composeServices().forEach((service, definition) -> {
            String module = moduleOf(definition.path("image").asText());
            if (module != null) {
                Set<String> needed = new TreeSet<>(secrets);
                needed.retainAll(settingsReadBy(module));
                assertThat(variableNames(definition.path("environment"))).as("compose " + service).containsAll(needed);
            }
        });
    }

    @Test
    void noSecretIsWrittenIntoAManifest() {
        for (JsonNode workload : workloads()) {
            for (JsonNode container : containers(workload)) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(variable.at("/valueFrom/secretKeyRef/name").asText())
                                .as(name(workload) + " takes " + name + " from a Secret").isNotBlank();
                    }
                }
            }
        }
        composeServices().forEach((service, definition) -> definition.path("environment").fields().forEachRemaining(variable -> {
            if (SECRET_NAME.matcher(variable.getKey()).matches()) {
                assertThat(variable.getValue().asText()).as("compose " + service + " " + variable.getKey()).startsWith("${");
            }
        }));
    }

    @Test
    void theTopicsAreTheCataloguesWithItsPartitionsAndRetention() {
        Map<String, JsonNode> declared = new TreeMap<>();
        for (JsonNode document : kubernetes) {
            if (document.path("kind").asText().equals("KafkaTopic")) {
                declared.put(document.at("/spec/topicName").asText(), document.path("spec"));
            }
        }
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        for (Topic<?, ?> topic : Topics.ALL) {
            JsonNode spec = declared.get(topic.name());
            assertThat(spec.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            Map<String, String> config = new HashMap<>();
            spec.path("config").fields().forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
            assertThat(config).as(topic.name()).isEqualTo(TopicProvisioner.configs(topic));
            assertThat(spec.path("replicas").asInt()).as(topic.name() + " replicas").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void eachServiceRunsAsManyTimesAsItMay() {
        Map<String, JsonNode> byModule = new HashMap<>();
        for (JsonNode workload : workloads()) {
            containers(workload).stream().map(container -> moduleOf(container.path("image").asText()))
                    .filter(module -> module != null).forEach(module -> byModule.put(module, workload));
        }
        // One replication slot: one connector, and the old one gone before a new one starts.
        assertThat(byModule.get("cdc-connector").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(byModule.get("cdc-connector").at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        // Kafka Streams gives each partition to one instance: more instances than partitions would idle.
        assertThat(byModule.get("eta-calculator").at("/spec/replicas").asInt()).isBetween(2, Topics.DOCTOR_PARTITIONS);
        assertThat(byModule.get("eta-calculator").path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(byModule.get("notifier").at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(byModule.get("orchestrator").at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void postgresDecodesLogicallyAndVacuumsInEveryDeployment() {
        JsonNode cluster = kubernetes.stream().filter(document -> document.path("kind").asText().equals("Cluster"))
                .findFirst().orElseThrow();
        assertThat(cluster.at("/spec/postgresql/parameters/wal_level").asText()).isEqualTo("logical");
        assertThat(cluster.at("/spec/postgresql/parameters/autovacuum").asText()).isEqualTo("on");
        List<String> command = new ArrayList<>();
        compose.at("/services/postgres/command").forEach(part -> command.add(part.asText()));
        assertThat(command).contains("wal_level=logical", "autovacuum=on");
    }

    @Test
    void composeWaitsForHealthAndKustomizeAppliesEveryManifest() {
        composeServices().forEach((service, definition) -> {
            if (!service.equals("setup")) {
                assertThat(definition.has("healthcheck")).as("compose " + service + " health check").isTrue();
            }
        });
        List<String> listed = new ArrayList<>();
        DeploymentFiles.read(DeploymentFiles.KUBERNETES.resolve("kustomization.yaml")).path("resources")
                .forEach(resource -> listed.add(resource.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(DeploymentFiles.kubernetesFiles().stream()
                .map(Path::getFileName).map(Path::toString).filter(file -> !file.equals("kustomization.yaml")).toList());
    }

    private List<JsonNode> workloads() {
        List<JsonNode> workloads = kubernetes.stream().filter(DeploymentFiles::isWorkload).toList();
        assertThat(workloads).isNotEmpty();
        return workloads;
    }

    private Map<String, JsonNode> composeServices() {
        Map<String, JsonNode> services = new TreeMap<>();
        compose.path("services").fields().forEachRemaining(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }

    private static String name(JsonNode document) {
        return document.path("kind").asText() + " " + document.at("/metadata/name").asText();
    }

    /** The secrets the local runner generates (LocalSecrets' variable names): a deployment must supply them too. */
    private static Set<String> localRunnerSecrets() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : LocalSecrets.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && ((String) field.get(null)).startsWith("OPD_")) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }
}
