package org.opd.cdc.offsets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetUtils;

/**
 * Keeps the engine's WAL position in the table {@code cdc_offsets} of the database it captures, so the
 * position lives and dies with that database: a restart on any machine resumes from it, and a
 * recreated database starts afresh instead of meeting a position from another WAL.
 * <p>
 * Debezium creates this class by name and hands it the engine configuration; the connection comes
 * from the {@code offset.storage.opd.*} keys. A failed save fails the offset commit, so PostgreSQL is
 * then not told the position either.
 */
public class PostgresOffsetStore extends MemoryOffsetBackingStore {

    public static final String URL = "offset.storage.opd.url";
    public static final String USER = "offset.storage.opd.user";
    public static final String PASSWORD = "offset.storage.opd.password";

    private String url;
    private final Properties credentials = new Properties();
    private volatile Connection connection;
    /** Reads the connector name out of stored keys, the way Connect's own stores answer {@link #connectorPartitions}. */
    private final JsonConverter keyConverter = new JsonConverter();
    private final Map<String, Set<Map<String, Object>>> partitionsByConnector = new HashMap<>();

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> settings = config.originalsStrings();
        url = settings.get(URL);
        credentials.setProperty("user", settings.get(USER));
        credentials.setProperty("password", settings.getOrDefault(PASSWORD, ""));
        keyConverter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), true);
    }

    @Override
    public synchronized void start() {
        super.start();
        try (PreparedStatement select = connection().prepareStatement("SELECT offset_key, offset_value FROM cdc_offsets");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ByteBuffer key = bytes(rows.getString(1));
                ByteBuffer value = bytes(rows.getString(2));
                data.put(key, value);
                OffsetUtils.processPartitionKey(key.array(), value == null ? null : value.array(), keyConverter,
                        partitionsByConnector);
            }
        } catch (SQLException e) {
            throw new ConnectException("Cannot read the capture position from cdc_offsets at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void save() {
        try {
            upsertAll();
        } catch (SQLException first) {
            // The kept connection may have been cut (database restart, idle timeout); one fresh try.
            closeConnection();
            try {
                upsertAll();
            } catch (SQLException e) {
                throw new ConnectException("Cannot store the capture position in cdc_offsets at " + url + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private void upsertAll() throws SQLException {
        try (PreparedStatement upsert = connection().prepareStatement("INSERT INTO cdc_offsets (offset_key, offset_value,"
                + " updated_at) VALUES (?, ?, now()) ON CONFLICT (offset_key)"
                + " DO UPDATE SET offset_value = EXCLUDED.offset_value, updated_at = now()")) {
            for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
                upsert.setString(1, text(entry.getKey()));
                upsert.setString(2, text(entry.getValue()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * One connection kept for the store's life: a save happens every offset flush, on the engine's
     * commit path, and opening a connection each time added tens of milliseconds of capture lag.
     */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, credentials);
        }
        return connection;
    }

    @Override
    public synchronized void stop() {
        super.stop();
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a broken connection fails too; it is dropped either way.
            }
            connection = null;
        }
    }

    @Override
    public synchronized Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return partitionsByConnector.getOrDefault(connectorName, Collections.emptySet());
    }

    private static ByteBuffer bytes(String text) {
        return text == null ? null : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
