package org.opd.schemas.kafka;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values and how it is laid out.
 *
 * @param partitions the partition count; topics keyed by doctor id share it so that one
 *                   doctor's records are co-partitioned across topics
 * @param compacted  whether only the latest record per key is kept
 * @param retention  how long records are kept; null for a compacted topic, whose latest record per key stays
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted,
                          Duration retention) {

    /** Kafka's own default: a week of events to rebuild the projections from. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public Topic {
        if (compacted != (retention == null)) {
            throw new IllegalArgumentException("Topic " + name + ": a compacted topic keeps its latest records without a"
                    + " retention; any other needs one");
        }
    }

    /** A topic kept for {@link #DEFAULT_RETENTION}, or compacted. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {
        this(name, keySerde, valueSerde, partitions, compacted, compacted ? null : DEFAULT_RETENTION);
    }
}
