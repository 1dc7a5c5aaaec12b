package org.opd.orchestrator.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.postgresql.util.PGobject;

/** Conversions between Java values and what the PostgreSQL driver binds and reads. */
public final class Sql {

    private Sql() {
    }

    /** The driver binds {@code OffsetDateTime} to timestamptz, but not {@code Instant}. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** A JSON text bound as {@code jsonb}; null stays SQL NULL. */
    public static PGobject jsonb(String json) {
        if (json == null) {
            return null;
        }
        try {
            PGobject value = new PGobject();
            value.setType("jsonb");
            value.setValue(json);
            return value;
        } catch (SQLException e) {
            throw new IllegalArgumentException("Not bindable as jsonb", e);
        }
    }
}
