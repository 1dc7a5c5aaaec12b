package org.opd.orchestrator.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, and how long the whole list is. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, totalItems);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
