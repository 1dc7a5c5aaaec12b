package org.opd.orchestrator.token.web;

import org.opd.orchestrator.token.LineEnd;

import jakarta.validation.constraints.NotNull;

/** Where the recalled patient rejoins the line: FRONT or BACK. */
record RecallRequest(@NotNull LineEnd end) {
}
