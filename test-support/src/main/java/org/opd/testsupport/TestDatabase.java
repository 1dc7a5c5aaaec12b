package org.opd.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A new, empty database on the local PostgreSQL server, dropped again on {@link #close()}
 * together with any replication slot left on it. Host, port and admin user come from
 * OPD_PG_HOST, OPD_PG_PORT and OPD_PG_USER (defaults 127.0.0.1, 5432, postgres; trust auth).
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = env("OPD_PG_HOST", "127.0.0.1");
    private static final String PORT = env("OPD_PG_PORT", "5432");
    private static final String USER = env("OPD_PG_USER", "postgres");
    private static final String PASSWORD = env("OPD_PG_PASSWORD", "");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String name = "opd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return Integer.parseInt(PORT);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'"
                + " AND pid <> pg_backend_pid()");
        admin("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE database = '" + name + "' AND NOT active");
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL admin statement failed: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
