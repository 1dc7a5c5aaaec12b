package org.opd.cdc.capture;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Copies the commit time of a change ({@code source.ts_ms} of Debezium's envelope) into a header before
 * the outbox router drops the envelope, so that capture lag can be measured from the commit, not from
 * the row's {@code created_at} (the start of its transaction). The router keeps existing headers.
 */
public class CommitTimeHeader implements Transformation<SourceRecord> {

    /** Only between this transform and the publisher; the Kafka record does not carry it. */
    public static final String HEADER = "opd.commitTimeMs";

    @Override
    public SourceRecord apply(SourceRecord record) {
        if (record.value() instanceof Struct envelope && envelope.schema().field("source") != null
                && envelope.get("source") instanceof Struct source && source.schema().field("ts_ms") != null
                && source.get("ts_ms") instanceof Long commitTimeMs) {
            record.headers().addLong(HEADER, commitTimeMs);
        }
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the envelope's field names are Debezium's.
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
