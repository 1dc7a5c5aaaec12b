package org.opd.orchestrator.token.web;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new time of the visit, and optionally why it moves. */
record RescheduleRequest(@NotNull OffsetDateTime scheduledTime, @Size(max = 255) String reason) {
}
