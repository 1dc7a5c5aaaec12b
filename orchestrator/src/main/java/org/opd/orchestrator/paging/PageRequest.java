package org.opd.orchestrator.paging;

/** Which page of a list: {@code page} counts from 0, {@code size} items per page. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("No such page: " + page + " of size " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
