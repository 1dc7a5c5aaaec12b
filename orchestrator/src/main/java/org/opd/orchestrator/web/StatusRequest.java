package org.opd.orchestrator.web;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT …/status}: the new status, one of the values of {@code S}. */
public record StatusRequest<S extends Enum<S>>(@NotNull S status) {
}
