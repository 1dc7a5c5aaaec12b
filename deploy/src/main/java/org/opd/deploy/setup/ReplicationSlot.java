package org.opd.deploy.setup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.opd.cdc.capture.ReplicationSetup;

/**
 * The replication slot and publication the cdc-connector reads the outbox through, checked and
 * made by the connector's own {@link ReplicationSetup}. Runs after the migrations: the publication
 * names their tables.
 */
final class ReplicationSlot {

    private final SetupConfig config;

    ReplicationSlot(SetupConfig config) {
        this.config = config;
    }

    List<Finding> run(Mode mode) {
        String subject = "PostgreSQL replication slot " + config.replicationSlot() + " and publication " + config.publication();
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), config.pgPassword())) {
            List<Finding> findings = new ArrayList<>();
            List<String> before = problems(connection);
            if (mode == Mode.FORCE) {
                if (!before.contains(ReplicationSetup.missingSlot(config.replicationSlot()))) {
                    findings.add(new Finding(subject, Finding.Outcome.WRONG, "replication slot exists already"));
                }
                if (!before.contains(ReplicationSetup.missingPublication(config.publication()))) {
                    findings.add(new Finding(subject, Finding.Outcome.WRONG, "publication exists already"));
                }
                if (!findings.isEmpty()) {
                    return findings;
                }
            }
            if (mode != Mode.VALIDATE && before.stream().noneMatch(ReplicationSlot::blocksCreation)) {
                boolean created = ReplicationSetup.ensureSlot(connection, config.replicationSlot(), config.pgDatabase());
                ReplicationSetup.ensurePublication(connection, config.publication());
                List<String> after = problems(connection);
                if (after.isEmpty()) {
                    return List.of(new Finding(subject, before.isEmpty() ? Finding.Outcome.IN_PLACE : Finding.Outcome.CREATED,
                            created ? "the slot keeps WAL from now on until the cdc-connector reads it" : ""));
                }
                before = after;
            }
            for (String problem : before) {
                findings.add(new Finding(subject, problem.contains("does not exist") ? Finding.Outcome.MISSING : Finding.Outcome.WRONG,
                        problem));
            }
            return findings.isEmpty() ? List.of(Finding.inPlace(subject)) : findings;
        } catch (SQLException | IllegalStateException e) {
            return List.of(new Finding(subject, Finding.Outcome.WRONG, e.getMessage()));
        }
    }

    private List<String> problems(Connection connection) throws SQLException {
        return ReplicationSetup.problems(connection, config.pgDatabase(), config.pgUser(), config.replicationSlot(),
                config.publication());
    }

    /** A server setting, a privilege or a missing table: creating the slot would fail or be wrong. */
    private static boolean blocksCreation(String problem) {
        return !problem.startsWith("Replication slot") && !problem.startsWith("Publication");
    }
}
