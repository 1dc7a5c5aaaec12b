package org.opd.orchestrator.jdbc;

import java.util.List;

import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a filtered list and the list's total length, by two queries over the same FROM and WHERE. */
public final class PagedSelect {

    private PagedSelect() {
    }

    /**
     * @param columns e.g. {@code SELECT t.*}
     * @param from    the FROM part with its joins
     * @param orderBy must end with a unique column, so that pages neither overlap nor skip rows
     */
    public static <T> Page<T> run(JdbcClient jdbc, String columns, String from, Where where, String orderBy,
                                  RowMapper<T> mapper, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) " + from + where.sql()).params(where.params()).query(Long.class).single();
        List<T> items = jdbc.sql(columns + " " + from + where.sql() + " ORDER BY " + orderBy + " LIMIT :pageLimit OFFSET :pageOffset")
                .params(where.params())
                .param("pageLimit", page.size())
                .param("pageOffset", page.offset())
                .query(mapper)
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
