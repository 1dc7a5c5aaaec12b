package org.opd.cdc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Settings of the cdc-connector ({@code opd.cdc.*}).
 *
 * @param slotName               logical replication slot; created at first start and kept, so that
 *                               rows written while the connector is down wait in the WAL
 * @param publicationName        publication of the outbox and heartbeat tables, created at start if missing
 * @param pollInterval           how long the engine waits for new changes before it hands over a batch
 * @param maxBatchSize           most changes the engine hands over at once
 * @param offsetFlushInterval    how often processed positions are stored in {@code cdc_offsets} and
 *                               confirmed to PostgreSQL; the replay after a crash is at most this long
 * @param heartbeatInterval      how often the connector touches {@code cdc_heartbeat}, so that the slot
 *                               confirms a newer position on a database without outbox traffic
 * @param kafkaDeliveryTimeout   how long an event may wait for Kafka (broker down) before the engine gives
 *                               up and restarts; capture stalls meanwhile and catches up afterwards
 * @param stallThreshold         how long Kafka may keep an event unacknowledged before health says STALLED
 * @param restartBackoff         first wait before restarting an engine that died; doubles up to {@code restartBackoffMax}
 * @param cleanupInterval        how often rows of events Kafka acknowledged are deleted from the outbox
 * @param outboxRetention        rows older than this are deleted even if this process never saw their
 *                               acknowledgement (e.g. it was killed before the delete); the WAL, not the
 *                               table, is what capture reads, so a deleted row is never lost to Kafka
 * @param slotCheckInterval      how often the slot's retained WAL is measured
 * @param topicReplicationFactor replicas of the topics this service creates
 */
@Validated
@ConfigurationProperties("opd.cdc")
public record CdcProperties(
        @Valid @NotNull Database database,
        @NotBlank String kafkaBootstrapServers,
        // PostgreSQL accepts only these characters in slot names.
        @NotNull @Pattern(regexp = "[a-z0-9_]{1,63}") String slotName,
        @NotBlank String publicationName,
        @NotNull @DefaultValue("10ms") Duration pollInterval,
        @Positive @DefaultValue("2048") int maxBatchSize,
        @NotNull @DefaultValue("1s") Duration offsetFlushInterval,
        @NotNull @DefaultValue("10s") Duration heartbeatInterval,
        @NotNull @DefaultValue("5m") Duration kafkaDeliveryTimeout,
        @NotNull @DefaultValue("5s") Duration stallThreshold,
        @NotNull @DefaultValue("1s") Duration restartBackoff,
        @NotNull @DefaultValue("1m") Duration restartBackoffMax,
        @NotNull @DefaultValue("1s") Duration cleanupInterval,
        @NotNull @DefaultValue("1d") Duration outboxRetention,
        @NotNull @DefaultValue("10s") Duration slotCheckInterval,
        @Positive @Max(Short.MAX_VALUE) @DefaultValue("1") int topicReplicationFactor) {

    /** The PostgreSQL database holding the outbox; the user needs the REPLICATION attribute. */
    public record Database(
            @NotBlank String host,
            @Positive @Max(65535) int port,
            @NotBlank String name,
            @NotBlank String user,
            @DefaultValue("") String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }
}
