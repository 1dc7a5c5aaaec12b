package org.opd.eta.topology;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.opd.eta.estimate.EtaEstimator;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The live queues: token and doctor events (key doctor id, co-partitioned) → per-doctor queue state →
 * a queue snapshot per change (key doctor id), the ETA changes it carries, notification requests and
 * doctor alerts; the snapshots,
 * repartitioned by department, feed the department loads behind BOTTLENECK alerts. Plain Kafka
 * Streams, usable without Spring.
 */
public final class QueueTopology {

    /** Persistent, changelogged store: doctor id → {@link DoctorQueue}. */
    public static final String QUEUE_STORE = "doctor-queues";
    /** Persistent, changelogged store: doctor id → {@link UnpublishedChanges} still to go out with its next snapshot. */
    public static final String UNPUBLISHED_STORE = "doctor-queue-unpublished";
    /** Persistent, changelogged store: department id → {@link DepartmentLoad}. */
    public static final String DEPARTMENT_STORE = "department-loads";

    static final String TOKEN_SOURCE = "token-events-source";
    static final String DOCTOR_SOURCE = "doctor-events-source";
    static final String PROCESSOR = "doctor-queue-processor";
    static final String SNAPSHOT_SINK = "queue-snapshots-sink";
    /** Name of the internal repartition topic (prefixed with the application id) that carries doctor loads. */
    static final String DEPARTMENT_REPARTITION = "department-loads";

    /**
     * Changelogs roll a segment every 10 minutes or 64 MB, so compaction can run on them: a whole
     * queue is written per commit, and a changelog that never rolls keeps every version (4.7 GB after
     * 180,000 events, issue 11).
     */
    static final Map<String, String> COMPACTED_CHANGELOG = Map.of(
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()),
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.2");

    private final EtaEstimator estimator;
    private final TopologySettings settings;
    private final MeterRegistry meters;
    private final Function<String, KeyValueBytesStoreSupplier> stores;

    public QueueTopology(EtaEstimator estimator, TopologySettings settings, MeterRegistry meters) {
        this(estimator, settings, meters, Stores::persistentKeyValueStore);
    }

    /**
     * @param stores makes each state store by name: RocksDB in the service; a replay through the test driver,
     *               which flushes the stores after every record, may keep them in memory
     */
    public QueueTopology(EtaEstimator estimator, TopologySettings settings, MeterRegistry meters,
                         Function<String, KeyValueBytesStoreSupplier> stores) {
        this.estimator = estimator;
        this.settings = settings;
        this.meters = meters;
        this.stores = stores;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, QueueInput> tokens = builder.stream(Topics.TOKEN_EVENTS.name(),
                        Consumed.with(Topics.TOKEN_EVENTS.keySerde(), Topics.TOKEN_EVENTS.valueSerde()).withName(TOKEN_SOURCE))
                .mapValues(QueueInput.TokenChange::new, Named.as("as-token-change"));
        KStream<String, QueueInput> doctors = builder.stream(Topics.DOCTOR_EVENTS.name(),
                        Consumed.with(Topics.DOCTOR_EVENTS.keySerde(), Topics.DOCTOR_EVENTS.valueSerde()).withName(DOCTOR_SOURCE))
                .mapValues(QueueInput.ShiftChange::new, Named.as("as-shift-change"));

        KStream<String, QueueOutput> outputs = tokens.merge(doctors, Named.as("queue-events"))
                .process(new QueueProcessorSupplier(), Named.as(PROCESSOR));
        outputs.split(Named.as("output-"))
                .branch((key, output) -> output instanceof QueueOutput.Snapshot, Branched.withConsumer(snapshots -> {
                    KStream<String, QueueSnapshot> published = snapshots.mapValues(output -> ((QueueOutput.Snapshot) output).snapshot(),
                            Named.as("snapshot-value"));
                    published.to(Topics.QUEUE_SNAPSHOTS.name(),
                            Produced.with(Topics.QUEUE_SNAPSHOTS.keySerde(), Topics.QUEUE_SNAPSHOTS.valueSerde()).withName(SNAPSHOT_SINK));
                    departments(published);
                }, "snapshots"))
                .branch((key, output) -> output instanceof QueueOutput.EtaChanged, Branched.withConsumer(changes -> changes
                        .mapValues(output -> ((QueueOutput.EtaChanged) output).change(), Named.as("eta-change-value"))
                        .to(Topics.ETA_CHANGES.name(), Produced.with(Topics.ETA_CHANGES.keySerde(),
                                Topics.ETA_CHANGES.valueSerde()).withName("eta-changes-sink")), "eta-changes"))
                .branch((key, output) -> output instanceof QueueOutput.Notification, Branched.withConsumer(notifications -> notifications
                        .mapValues(output -> ((QueueOutput.Notification) output).request(), Named.as("notification-value"))
                        .to(Topics.NOTIFICATION_REQUESTS.name(), Produced.with(Topics.NOTIFICATION_REQUESTS.keySerde(),
                                Topics.NOTIFICATION_REQUESTS.valueSerde()).withName("notification-requests-sink")), "notifications"))
                .branch((key, output) -> output instanceof QueueOutput.Alert, Branched.withConsumer(alerts -> alerts
                        .mapValues(output -> ((QueueOutput.Alert) output).alert(), Named.as("alert-value"))
                        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                                .withName("doctor-alerts-sink")), "alerts"));
        return builder.build();
    }

    /** Department view: snapshots re-keyed by department id, so all of a department's doctors meet in one task. */
    private void departments(KStream<String, QueueSnapshot> snapshots) {
        snapshots.filter((doctorId, snapshot) -> snapshot.deptId() != null, Named.as("with-department"))
                .map((doctorId, snapshot) -> KeyValue.pair(snapshot.deptId().toString(), DoctorLoad.of(snapshot)),
                        Named.as("by-department"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(DoctorLoad.class)).withName(DEPARTMENT_REPARTITION))
                .process(new DepartmentProcessorSupplier(), Named.as("department-load-processor"))
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("department-alerts-sink"));
    }

    private final class QueueProcessorSupplier implements ProcessorSupplier<String, QueueInput, String, QueueOutput> {

        @Override
        public Processor<String, QueueInput, String, QueueOutput> get() {
            return new QueueProcessor(new SnapshotAssembler(estimator), settings, meters);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            StoreBuilder<KeyValueStore<String, DoctorQueue>> queues = Stores.keyValueStoreBuilder(
                    stores.apply(QUEUE_STORE), Serdes.String(), new JsonSerde<>(DoctorQueue.class))
                    .withLoggingEnabled(COMPACTED_CHANGELOG);
            StoreBuilder<KeyValueStore<String, UnpublishedChanges>> unpublished = Stores.keyValueStoreBuilder(
                    stores.apply(UNPUBLISHED_STORE), Serdes.String(), new JsonSerde<>(UnpublishedChanges.class))
                    .withLoggingEnabled(COMPACTED_CHANGELOG);
            return Set.of(queues, unpublished);
        }
    }

    private final class DepartmentProcessorSupplier implements ProcessorSupplier<String, DoctorLoad, String, OperationsAlert> {

        @Override
        public Processor<String, DoctorLoad, String, OperationsAlert> get() {
            return new DepartmentProcessor(settings);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            StoreBuilder<KeyValueStore<String, DepartmentLoad>> store = Stores.keyValueStoreBuilder(
                    stores.apply(DEPARTMENT_STORE), Serdes.String(), new JsonSerde<>(DepartmentLoad.class))
                    .withLoggingEnabled(COMPACTED_CHANGELOG);
            return Set.of(store);
        }
    }
}
