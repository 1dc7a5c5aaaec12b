package org.opd.orchestrator.web;

import java.util.List;
import java.util.function.Function;

import org.opd.orchestrator.paging.Page;

/** One page of a list as the API shows it. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapping) {
        Page<T> mapped = page.map(mapping);
        return new PageResponse<>(mapped.items(), mapped.page(), mapped.size(), mapped.totalItems(), mapped.totalPages());
    }
}
