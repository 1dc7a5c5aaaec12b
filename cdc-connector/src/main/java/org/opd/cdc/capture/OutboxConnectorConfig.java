package org.opd.cdc.capture;

import java.util.Properties;

import org.opd.cdc.CdcProperties;
import org.opd.cdc.offsets.PostgresOffsetStore;
import org.opd.cdc.publish.OutboxEvent;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;

import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.transforms.outbox.EventRouter;

/** The Debezium engine configuration that streams the outbox table and routes each row as one event. */
public final class OutboxConnectorConfig {

    /** Key of this connector's position in {@code cdc_offsets}; renaming it restarts capture from a snapshot. */
    static final String ENGINE_NAME = "opd-outbox-connector";
    /** Debezium's logical server name; the event router replaces it in every outbox topic name. */
    static final String SERVER_NAME = "opd-cdc";

    static final String OUTBOX_TABLE = "public.outbox";
    static final String HEARTBEAT_TABLE = "public.cdc_heartbeat";
    static final String OFFSETS_TABLE = "public.cdc_offsets";

    /** Topic Debezium gives changes of the heartbeat table; they only move the position, nothing is published. */
    public static final String HEARTBEAT_TABLE_TOPIC = SERVER_NAME + "." + HEARTBEAT_TABLE;
    /** Topic of Debezium's own heartbeat records; they only move the position, nothing is published. */
    public static final String HEARTBEAT_TOPIC = "__debezium-heartbeat." + SERVER_NAME;

    private OutboxConnectorConfig() {
    }

    static Properties of(CdcProperties cdc) {
        CdcProperties.Database database = cdc.database();
        Properties config = new Properties();
        config.setProperty("name", ENGINE_NAME);
        config.setProperty("connector.class", PostgresConnector.class.getName());
        config.setProperty("offset.storage", PostgresOffsetStore.class.getName());
        config.setProperty(PostgresOffsetStore.URL, database.jdbcUrl());
        config.setProperty(PostgresOffsetStore.USER, database.user());
        config.setProperty(PostgresOffsetStore.PASSWORD, database.password());
        config.setProperty("offset.flush.interval.ms", Long.toString(cdc.offsetFlushInterval().toMillis()));

        config.setProperty("database.hostname", database.host());
        config.setProperty("database.port", Integer.toString(database.port()));
        config.setProperty("database.dbname", database.name());
        config.setProperty("database.user", database.user());
        config.setProperty("database.password", database.password());
        config.setProperty("topic.prefix", SERVER_NAME);

        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", cdc.slotName());
        config.setProperty("publication.name", cdc.publicationName());
        // ReplicationSetup creates the publication (inserts and updates only: outbox clean-up deletes
        // never leave the database), so Debezium must not redefine it.
        config.setProperty("publication.autocreate.mode", "disabled");
        config.setProperty("table.include.list", OUTBOX_TABLE + "," + HEARTBEAT_TABLE);
        // The slot only holds changes from its creation on; rows committed before the first start
        // come from a snapshot taken at the slot's creation point, so nothing falls in between.
        // Later starts resume from cdc_offsets and take no snapshot.
        config.setProperty("snapshot.mode", "initial");
        config.setProperty("poll.interval.ms", Long.toString(cdc.pollInterval().toMillis()));
        config.setProperty("max.batch.size", Integer.toString(cdc.maxBatchSize()));
        config.setProperty("max.queue.size", Integer.toString(cdc.maxBatchSize() * 4));
        // The outbox is append-only: a delete is clean-up, never an event.
        config.setProperty("skipped.operations", "d,t");
        config.setProperty("tombstones.on.delete", "false");

        // On a database without outbox traffic, this write flows through the slot and lets it confirm
        // a newer position, so the slot does not hold WAL that other databases of the server write.
        config.setProperty("heartbeat.interval.ms", Long.toString(cdc.heartbeatInterval().toMillis()));
        config.setProperty("heartbeat.action.query", "INSERT INTO " + HEARTBEAT_TABLE + " (id, beat_at) VALUES (1, now())"
                + " ON CONFLICT (id) DO UPDATE SET beat_at = EXCLUDED.beat_at");

        config.setProperty("transforms", "commitTime,outbox");
        config.setProperty("transforms.commitTime.type", CommitTimeHeader.class.getName());
        config.setProperty("transforms.outbox.type", EventRouter.class.getName());
        config.setProperty("transforms.outbox.predicate", "isOutbox");
        config.setProperty("predicates", "isOutbox");
        config.setProperty("predicates.isOutbox.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        config.setProperty("predicates.isOutbox.pattern", (SERVER_NAME + "." + OUTBOX_TABLE).replace(".", "\\."));
        config.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        config.setProperty("transforms.outbox.route.topic.replacement", Topics.forAggregate("${routedByValue}"));
        config.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        // Without envelope fields the router passes the payload column on as the record value, as is.
        config.setProperty("transforms.outbox.table.fields.additional.placement", String.join(",",
                "id:header:" + EventHeaders.EVENT_ID,
                "type:header:" + EventHeaders.EVENT_TYPE,
                "schema_version:header:" + EventHeaders.SCHEMA_VERSION,
                "created_at:header:" + OutboxEvent.HEADER_CREATED_AT));
        return config;
    }
}
