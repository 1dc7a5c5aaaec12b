package org.opd.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void aCompactedTopicIsCreatedCompactedAndAnyOtherWithItsRetention() {
        assertThat(TopicProvisioner.configs(Topics.QUEUE_SNAPSHOTS)).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(TopicProvisioner.configs(Topics.TOKEN_EVENTS))
                .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
        assertThat(TopicProvisioner.configs(Topics.IDENTITY_EVENTS)).containsEntry("retention.ms", "86400000");
    }

    @Test
    void everyTopicOfTheCatalogueIsCompactedOrHasARetention() {
        assertThat(Topics.ALL).allMatch(topic -> topic.compacted() == (topic.retention() == null));
        assertThatThrownBy(() -> new Topic<>("opd.test", Serdes.String(), Serdes.String(), 1, true, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("opd.test", Serdes.String(), Serdes.String(), 1, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
