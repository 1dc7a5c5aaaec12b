package org.opd.orchestrator.web;

import org.opd.orchestrator.paging.PageRequest;
import org.springdoc.core.annotations.ParameterObject;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code page} (from 0, default 0) and {@code size} (1 to 100, default 20) query parameters of every list. */
// Shown in the OpenAPI document as the two query parameters it binds, not as one object.
@ParameterObject
public record PageParameters(@Min(0) @Max(100_000) Integer page, @Min(1) @Max(100) Integer size) {

    private static final int DEFAULT_SIZE = 20;

    public PageRequest toPageRequest() {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }
}
