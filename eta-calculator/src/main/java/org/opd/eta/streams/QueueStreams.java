package org.opd.eta.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.opd.eta.EtaProperties;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/** Runs the queue topology for as long as the application context runs. */
public class QueueStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Longer than the Streams default of 10 s: on a starved machine a commit can take that long, and the
     * broker then fences the producer mid-commit (seen under the issue-11 load). It also bounds how long
     * an abandoned transaction holds back the read-committed readers of the topology's output.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    /** Before the Redis projection starts, because starting here creates the topics it reads. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

    private final Topology topology;
    private final EtaProperties properties;
    private final MeterRegistry meters;
    private final ThreadFailurePolicy failures = new ThreadFailurePolicy(3, Duration.ofMinutes(10), Clock.systemUTC());
    private final DeadLetters deadLetters;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public QueueStreams(Topology topology, EtaProperties properties, MeterRegistry meters, DeadLetters deadLetters) {
        this.topology = topology;
        this.properties = properties;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Override
    public void start() {
        TopicProvisioner.ensureExist(properties.kafkaBootstrapServers(), (short) properties.replicationFactor(), Topics.ALL);
        Properties config = streamsConfig(properties);
        config.put(DeadLetteringExceptionHandler.DEAD_LETTERS_CONFIG, deadLetters);
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setUncaughtExceptionHandler(exception -> {
            StreamThreadExceptionResponse response = failures.onFailure();
            log.error("A queue topology thread failed; {}", response == StreamThreadExceptionResponse.REPLACE_THREAD
                    ? "replacing it" : "too many failures in a row, shutting down the Kafka Streams client", exception);
            return response;
        });
        created.setStateListener((next, previous) -> log.info("Queue topology {} -> {}", previous, next));
        streamsMetrics = new KafkaStreamsMetrics(created);
        streamsMetrics.bindTo(meters);
        created.start();
        streams = created;
    }

    static Properties streamsConfig(EtaProperties properties) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        // The doctor partitions are shared out between the threads: one busy doctor does not hold up the others.
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.queue().streamThreads());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.queue().commitInterval().toMillis());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) TRANSACTION_TIMEOUT.toMillis());
        // An unreadable event is set aside as a dead letter: one bad record must not stop every doctor's queue.
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class);
        // A killed instance's doctors move to the others within the session, not Kafka's 45 s default.
        properties.groupMembership().forEach((name, value) -> config.put(StreamsConfig.mainConsumerPrefix(name), value));
        return config;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(CLOSE_TIMEOUT);
            streamsMetrics.close();
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The client's state, or null before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? null : current.state();
    }
}
