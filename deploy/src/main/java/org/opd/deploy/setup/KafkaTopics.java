package org.opd.deploy.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;

/**
 * The topics of the {@link Topics} catalogue, made by the services' own {@link TopicProvisioner} and
 * checked against it: partitions, replication factor, cleanup policy and retention.
 */
final class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 30;
    private static final Duration METADATA_WAIT = Duration.ofMillis(200);

    private final SetupConfig config;
    private final Collection<Topic<?, ?>> topics;

    KafkaTopics(SetupConfig config, Collection<Topic<?, ?>> topics) {
        this.config = config;
        this.topics = topics;
    }

    List<Finding> run(Mode mode) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            Set<String> before = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<Finding> findings = new ArrayList<>();
            if (mode == Mode.FORCE) {
                for (Topic<?, ?> topic : topics) {
                    if (before.contains(topic.name())) {
                        findings.add(new Finding(subject(topic), Finding.Outcome.WRONG, "exists already"));
                    }
                }
                if (!findings.isEmpty()) {
                    return findings;
                }
            }
            if (mode != Mode.VALIDATE) {
                TopicProvisioner.ensureExist(config.kafkaBootstrapServers(), config.topicReplicationFactor(), topics);
            }
            Set<String> existing = mode == Mode.VALIDATE ? admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    : listedOnceKnown(admin);
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    findings.add(new Finding(subject(topic), Finding.Outcome.MISSING, "not created"));
                    continue;
                }
                List<String> wrong = differences(admin, topic);
                Finding.Outcome fine = before.contains(topic.name()) ? Finding.Outcome.IN_PLACE : Finding.Outcome.CREATED;
                findings.add(wrong.isEmpty() ? new Finding(subject(topic), fine, "")
                        : new Finding(subject(topic), Finding.Outcome.WRONG, String.join("; ", wrong)));
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Kafka topics", e);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            return List.of(new Finding("Kafka at " + config.kafkaBootstrapServers(), Finding.Outcome.WRONG,
                    "unreachable: " + e.getMessage()));
        }
    }

    /**
     * The topics listed once the broker's metadata has caught up with the controller: a topic just created is
     * listed a moment later, longer on a loaded machine (the CI run saw none listed right after creation).
     */
    private Set<String> listedOnceKnown(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Set<String> listed = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        while (!listed.containsAll(names()) && System.nanoTime() < deadline) {
            Thread.sleep(METADATA_WAIT.toMillis());
            listed = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return listed;
    }

    private List<String> names() {
        return topics.stream().map(Topic::name).toList();
    }

    private List<String> differences(Admin admin, Topic<?, ?> topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic.name());
        List<String> wrong = new ArrayList<>();
        if (description.partitions().size() != topic.partitions()) {
            wrong.add("has " + description.partitions().size() + " partitions, needs " + topic.partitions()
                    + " (doctor-keyed topics must stay co-partitioned; recreate it, adding partitions moves keys)");
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas < config.topicReplicationFactor()) {
            wrong.add("has replication factor " + replicas + ", needs " + config.topicReplicationFactor());
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
        TopicProvisioner.configs(topic).forEach((name, expected) -> {
            String value = actual.get(name) == null ? null : actual.get(name).value();
            if (!expected.equals(value)) {
                wrong.add(name + " is " + value + ", needs " + expected);
            }
        });
        return wrong;
    }

    private static String subject(Topic<?, ?> topic) {
        return "Kafka topic " + topic.name();
    }
}
