package org.opd.cdc.capture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.opd.cdc.CdcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks before the engine starts that PostgreSQL can stream the outbox, and creates the publication,
 * so that a misconfigured server stops the service with a message naming the setting to change
 * instead of an error deep in Debezium. The set-up command ({@code deploy}) uses the same checks to
 * list every problem at once, and creates the slot and the publication ahead of the first start.
 */
public final class ReplicationSetup {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSetup.class);

    private static final List<String> REQUIRED_TABLES = List.of(OutboxConnectorConfig.OUTBOX_TABLE,
            OutboxConnectorConfig.HEARTBEAT_TABLE, OutboxConnectorConfig.OFFSETS_TABLE);
    private static final List<String> PUBLISHED_TABLES = List.of(OutboxConnectorConfig.OUTBOX_TABLE,
            OutboxConnectorConfig.HEARTBEAT_TABLE);

    private ReplicationSetup() {
    }

    static void prepare(CdcProperties properties) {
        CdcProperties.Database database = properties.database();
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        credentials.setProperty("password", database.password());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), credentials)) {
            requireLogicalWalLevel(singleValue(connection, "SHOW wal_level"));
            for (String table : REQUIRED_TABLES) {
                requireTable(table, singleValue(connection, "SELECT to_regclass('" + table + "')"), database.name());
            }
            requireReplicationPrivilege(database.user(),
                    "true".equals(singleValue(connection, "SELECT (rolreplication OR rolsuper)::text FROM pg_roles"
                            + " WHERE rolname = current_user")));
            checkSlot(connection, properties.slotName(), database.name());
            ensurePublication(connection, properties.publicationName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL at " + database.jdbcUrl() + " as "
                    + database.user() + " for streaming the outbox: " + e.getMessage(), e);
        }
    }

    /**
     * Everything that keeps the connector from streaming the outbox with this slot and publication,
     * each naming the fix; empty when all is in place (the slot included, which {@link #prepare}
     * leaves to Debezium).
     */
    public static List<String> problems(Connection connection, String databaseName, String user, String slotName,
                                        String publication) throws SQLException {
        List<String> problems = new ArrayList<>();
        collect(problems, () -> requireLogicalWalLevel(singleValue(connection, "SHOW wal_level")));
        for (String table : REQUIRED_TABLES) {
            collect(problems, () -> requireTable(table, singleValue(connection, "SELECT to_regclass('" + table + "')"), databaseName));
        }
        collect(problems, () -> requireReplicationPrivilege(user, "true".equals(singleValue(connection,
                "SELECT (rolreplication OR rolsuper)::text FROM pg_roles WHERE rolname = current_user"))));
        collect(problems, () -> checkSlot(connection, slotName, databaseName));
        if (!slotExists(connection, slotName)) {
            problems.add(missingSlot(slotName));
        }
        problems.addAll(publicationProblems(connection, publication));
        return problems;
    }

    /** The problem {@link #problems} names when the slot is missing. */
    public static String missingSlot(String slotName) {
        return "Replication slot " + slotName + " does not exist";
    }

    /** The problem {@link #problems} names when the publication is missing. */
    public static String missingPublication(String publication) {
        return "Publication " + publication + " does not exist";
    }

    /** Creates the connector's logical replication slot (pgoutput) unless it exists; true when it was created. */
    public static boolean ensureSlot(Connection connection, String slotName, String databaseName) throws SQLException {
        checkSlot(connection, slotName, databaseName);
        if (slotExists(connection, slotName)) {
            return false;
        }
        try (PreparedStatement create = connection.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
            create.setString(1, slotName);
            create.execute();
        }
        log.info("Created replication slot {}; it keeps WAL from now on until the cdc-connector reads it", slotName);
        return true;
    }

    private interface Check {
        void run() throws SQLException;
    }

    private static void collect(List<String> problems, Check check) throws SQLException {
        try {
            check.run();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
    }

    private static boolean slotExists(Connection connection, String slotName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            select.setString(1, slotName);
            try (ResultSet slot = select.executeQuery()) {
                return slot.next();
            }
        }
    }

    private static List<String> publicationProblems(Connection connection, String publication) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pubinsert AND pubupdate AND NOT pubdelete AND NOT pubtruncate FROM pg_publication WHERE pubname = ?")) {
            select.setString(1, publication);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return List.of(missingPublication(publication));
                }
                List<String> problems = new ArrayList<>();
                if (!result.getBoolean(1)) {
                    problems.add("Publication " + publication + " must publish inserts and updates only (publish = 'insert, update')");
                }
                List<String> missing = missingTables(connection, publication);
                if (!missing.isEmpty()) {
                    problems.add("Publication " + publication + " lacks " + String.join(", ", missing));
                }
                return problems;
            }
        }
    }

    static void requireLogicalWalLevel(String walLevel) {
        if (!"logical".equals(walLevel)) {
            throw new IllegalStateException("PostgreSQL runs with wal_level = " + walLevel
                    + ", but the cdc-connector reads the outbox by logical decoding and needs wal_level = logical;"
                    + " set it (ALTER SYSTEM SET wal_level = logical) and restart PostgreSQL");
        }
    }

    static void requireTable(String table, String regclass, String databaseName) {
        if (regclass == null) {
            throw new IllegalStateException("Database " + databaseName + " has no table " + table
                    + "; the orchestrator creates it with its migrations, start it first");
        }
    }

    static void requireReplicationPrivilege(String user, boolean mayReplicate) {
        if (!mayReplicate) {
            throw new IllegalStateException("PostgreSQL user " + user + " may not stream changes: it needs the"
                    + " REPLICATION attribute (ALTER ROLE " + user + " WITH REPLICATION) or must be a superuser");
        }
    }

    static void requireFreeSlot(String slotName, int slotsInUse, int maxReplicationSlots) {
        if (slotsInUse >= maxReplicationSlots) {
            throw new IllegalStateException("Replication slot " + slotName + " does not exist yet and all "
                    + maxReplicationSlots + " slots of max_replication_slots are taken; raise max_replication_slots"
                    + " (restart needed) or drop a slot that is no longer used");
        }
    }

    private static void checkSlot(Connection connection, String slotName, String databaseName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT plugin, database, active, active_pid FROM pg_replication_slots WHERE slot_name = ?")) {
            select.setString(1, slotName);
            try (ResultSet slot = select.executeQuery()) {
                if (!slot.next()) {
                    requireFreeSlot(slotName, Integer.parseInt(singleValue(connection, "SELECT count(*) FROM pg_replication_slots")),
                            Integer.parseInt(singleValue(connection, "SHOW max_replication_slots")));
                    log.info("Replication slot {} will be created, with a snapshot of the outbox", slotName);
                    return;
                }
                if (!"pgoutput".equals(slot.getString("plugin")) || !databaseName.equals(slot.getString("database"))) {
                    throw new IllegalStateException("Replication slot " + slotName + " exists for database "
                            + slot.getString("database") + " with plugin " + slot.getString("plugin")
                            + "; this connector needs one of its own (pgoutput, database " + databaseName
                            + "): choose another opd.cdc.slot-name");
                }
                if (slot.getBoolean("active")) {
                    // A connector killed a moment ago may still hold it until PostgreSQL notices; Debezium retries.
                    log.warn("Replication slot {} is still in use by server process {}; waiting for it to be released",
                            slotName, slot.getInt("active_pid"));
                }
            }
        }
    }

    /** Creates the publication of the outbox tables, or adds the tables it lacks. */
    public static void ensurePublication(Connection connection, String publication) throws SQLException {
        String quoted = "\"" + publication.replace("\"", "\"\"") + "\"";
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            exists.setString(1, publication);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    execute(connection, "CREATE PUBLICATION " + quoted + " FOR TABLE " + String.join(", ", PUBLISHED_TABLES)
                            + " WITH (publish = 'insert, update')", publication);
                    log.info("Created publication {} of {}", publication, PUBLISHED_TABLES);
                    return;
                }
            }
        }
        List<String> missing = missingTables(connection, publication);
        if (!missing.isEmpty()) {
            execute(connection, "ALTER PUBLICATION " + quoted + " ADD TABLE " + String.join(", ", missing), publication);
            log.info("Added {} to publication {}", missing, publication);
        }
        execute(connection, "ALTER PUBLICATION " + quoted + " SET (publish = 'insert, update')", publication);
    }

    private static List<String> missingTables(Connection connection, String publication) throws SQLException {
        List<String> missing = new ArrayList<>(PUBLISHED_TABLES);
        try (PreparedStatement tables = connection.prepareStatement(
                "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ?")) {
            tables.setString(1, publication);
            try (ResultSet result = tables.executeQuery()) {
                while (result.next()) {
                    missing.remove(result.getString(1));
                }
            }
        }
        return missing;
    }

    private static void execute(Connection connection, String sql, String publication) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up publication " + publication + " (" + sql + "): " + e.getMessage()
                    + "; the user needs CREATE on the database and must own the outbox tables, or create the"
                    + " publication once as their owner", e);
        }
    }

    private static String singleValue(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
