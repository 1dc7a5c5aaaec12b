package org.opd.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.schemas.kafka.DeadLetterHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.testsupport.EventsTopic;

/** A record no consumer can read, put on a topic, and what its dead letter must look like. */
final class DeadLetterChecks {

    private DeadLetterChecks() {
    }

    static void sendUnreadable(String bootstrapServers, String topic, String key, String text) {
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, key, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Waits for the record on the topic's dead-letter topic: as it was, on its partition, with where it came from and why. */
    static void assertSetAside(String bootstrapServers, String topic, String key, String text) {
        try (EventsTopic deadLetters = new EventsTopic(bootstrapServers, Topics.deadLettersOf(topic), List.of(key))) {
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecords(1).get(0);
            assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
            assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt())
                    .isEqualTo(deadLetter.partition());
            assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.CONSUMER)).isEqualTo(DeadLetters.CONSUMER);
            assertThat(EventsTopic.header(deadLetter, DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
        }
    }
}
