package org.opd.schemas.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a service needs, leaving any that already exist as they are. */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensureExist(String bootstrapServers, short replicationFactor, Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> newTopic(topic, replicationFactor))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                awaitCreated(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers + " to create topics", e);
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic, short replicationFactor) {
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(configs(topic));
    }

    /** The topic-level settings a topic of the catalogue is created with (and the set-up command checks). */
    public static Map<String, String> configs(Topic<?, ?> topic) {
        return topic.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> result)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another service created it meanwhile: fine; anything else is not
            }
        }
    }
}
