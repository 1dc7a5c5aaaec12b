package org.opd.deploy.setup;

import java.util.ArrayList;
import java.util.List;

import org.opd.schemas.kafka.Topics;

/**
 * Everything the services need in place before they start (spec 003's set-up): the schema, the
 * cdc-connector's replication slot and publication, the Kafka topics, and a writable Redis.
 */
public final class Setup {

    private Setup() {
    }

    /** @return what was found of each thing, in the order they were seen to */
    public static List<Finding> run(SetupConfig config, Mode mode) {
        List<Finding> findings = new ArrayList<>(new DatabaseSchema(config).run(mode));
        findings.addAll(new ReplicationSlot(config).run(mode));
        findings.addAll(new KafkaTopics(config, Topics.ALL).run(mode));
        findings.addAll(new RedisCheck(config).run());
        return findings;
    }

    public static boolean allFine(List<Finding> findings) {
        return findings.stream().allMatch(finding -> finding.outcome().isFine());
    }
}
