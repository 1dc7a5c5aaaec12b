package org.opd.notifier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opd.schemas.kafka.Topic;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Publishes onto the test broker as the other services do: string keys, the contract's JSON as the value (or any
 * bytes, for records no consumer can read). Each send waits for the broker's acknowledgement.
 */
final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    EventProducer(EmbeddedKafkaBroker broker) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The record of {@code value} on {@code topic}, in the contract's JSON, for headers to be added before sending. */
    static <V> ProducerRecord<String, byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    <V> void send(Topic<String, V> topic, String key, V value) throws InterruptedException, ExecutionException {
        send(record(topic, key, value));
    }

    void send(ProducerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
        producer.send(record).get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
