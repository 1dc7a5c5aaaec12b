package org.opd.eta;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the eta-calculator ({@code opd.eta.*}).
 *
 * @param applicationId      Kafka Streams application id: consumer group and prefix of its internal topics
 * @param stateDir           where the state stores live on disk; kept across restarts
 * @param replicationFactor  replicas of the topics this service creates (its own and internal ones)
 * @param kafkaSessionTimeout how long a silent instance keeps its partitions before its consumer groups give them to
 *                           the instances left (Kafka's 45 s default held a killed instance's doctors that long)
 */
@Validated
@ConfigurationProperties("opd.eta")
public record EtaProperties(
        @NotBlank String kafkaBootstrapServers,
        @NotBlank String applicationId,
        @NotBlank String stateDir,
        @Positive @Max(Short.MAX_VALUE) int replicationFactor,
        @NotNull Duration kafkaSessionTimeout,
        @Valid @NotNull Redis redis,
        @Valid @NotNull Projection projection,
        @Valid @NotNull Queue queue,
        @Valid @NotNull Alerts alerts) {

    /** The consumer settings that bound a dead member's hold on its partitions: the session, and heartbeats three per session. */
    public Map<String, Object> groupMembership() {
        return Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) kafkaSessionTimeout.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) kafkaSessionTimeout.dividedBy(3).toMillis());
    }

    /**
     * @param database         Redis logical database index the projection writes to
     * @param statusTtl        how long a doctor's status lives without a new snapshot (absent means OFFLINE)
     * @param departedTokenTtl how long a departed token's details stay readable
     */
    public record Redis(
            @NotBlank String host,
            @Positive int port,
            @PositiveOrZero int database,
            @NotNull Duration statusTtl,
            @NotNull Duration departedTokenTtl) {
    }

    /**
     * Settings of the listener containers (the Redis projection and the alert recorder).
     *
     * @param pollTimeout  longest wait for new records in one poll
     * @param retryBackoff wait before a batch Redis or PostgreSQL failed to take is handed over again
     */
    public record Projection(@NotNull Duration pollTimeout, @NotNull Duration retryBackoff) {
    }

    /**
     * @param recomputeInterval wall-clock period of the ETA recomputation
     * @param statusRefresh     longest time without a snapshot for a doctor at work or with patients
     * @param delayThreshold    slip of a waiting token's expected start that the patient is told about
     * @param publishInterval   shortest time between two snapshots of one doctor (changes in between go out together)
     * @param streamThreads     Kafka Streams threads sharing the doctor partitions
     * @param commitInterval    how often the topology commits its transaction: its output is visible to screens only then
     */
    public record Queue(@NotNull Duration recomputeInterval, @NotNull Duration statusRefresh, @NotNull Duration delayThreshold,
            @NotNull Duration publishInterval, @Positive int streamThreads, @NotNull Duration commitInterval) {
    }

    /**
     * @param bottleneckInLine      tokens in line in one department that make it a bottleneck
     * @param bottleneckAverageWait average wait so far in one department that makes it a bottleneck
     * @param idleAfter             time without a consultation, on shift with patients waiting, that makes a doctor idle
     * @param lateAfter             time after the planned shift start without a start that makes a doctor late
     */
    public record Alerts(@Positive int bottleneckInLine, @NotNull Duration bottleneckAverageWait,
            @NotNull Duration idleAfter, @NotNull Duration lateAfter) {
    }
}
