package org.opd.schemas.kafka;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values and how it is laid out.
 *
 * @param partitions the partition count; topics keyed by doctor id share it so that one
 *                   doctor's records are co-partitioned across topics
 * @param compacted  whether only the latest record per key is kept
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {
}
