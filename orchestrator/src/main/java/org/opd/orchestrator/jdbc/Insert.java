package org.opd.orchestrator.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An {@code INSERT … RETURNING *} built from column values. A value given with
 * {@link #valueOrDefault} is left out when null, so the schema's column default applies and the
 * returned row shows it: the defaults of spec 004 live in one place, the migration.
 */
public final class Insert {

    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Insert(String table) {
        this.table = table;
    }

    public static Insert into(String table) {
        return new Insert(table);
    }

    public Insert value(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public Insert valueOrDefault(String column, Object value) {
        if (value != null) {
            values.put(column, value);
        }
        return this;
    }

    public <T> T returning(JdbcClient jdbc, RowMapper<T> mapper) {
        String columns = String.join(", ", values.keySet());
        String parameters = values.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        return jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + parameters + ") RETURNING *")
                .params(values)
                .query(mapper)
                .single();
    }
}
