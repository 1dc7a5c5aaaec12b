package org.opd.orchestrator.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a filtered list: each condition is added only when its value is given,
 * so an unused filter costs nothing and the indexes of the used ones apply. Conditions are
 * fixed SQL written by the repositories; values are always bound, never concatenated.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** A condition that always applies, such as the parent a list belongs to. */
    public Where is(String condition, String param, Object value) {
        conditions.add(condition);
        params.put(param, value);
        return this;
    }

    /** A condition that applies only when {@code value} is not null. */
    public Where optional(String condition, String param, Object value) {
        return value == null ? this : is(condition, param, value);
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
